<?cs include:"layout.cs" ?><?cs call:layout_begin() ?>
<section class="error">
<h1><?cs var:Error.title ?></h1>
<p><?cs var:Error.message ?></p>
<?cs if:Error.reload ?><p><a class="button" href="<?cs var:Error.reload ?>">Recharger le formulaire</a></p><?cs /if ?>
<p><a href="/">Retour à l'accueil</a> · <a href="/formations">Catalogue des formations</a></p>
</section>
<?cs call:layout_end() ?>
