<?cs include:"layout.cs" ?><?cs call:layout_begin() ?>
<p><a href="/intranet/fermetures">← Jours de fermeture</a></p>
<h1>Supprimer le jour de fermeture du <?cs var:Closure.long ?> ?</h1>
<?cs if:Closure.label ?><p>Motif : <?cs var:Closure.label ?></p><?cs /if ?>
<form method="post" action="/intranet/fermetures/<?cs var:Closure.day ?>" class="stacked warning">
<input type="hidden" name="_csrf" value="<?cs var:Csrf.token ?>">
<input type="hidden" name="action" value="supprimer">
<h2>Ce que la suppression change</h2>
<ul>
<?cs if:Closure.closed ?><li>Ce jour reste non ouvré (week-end ou jour férié) : aucune échéance ne change.</li>
<?cs else ?><li>Les échéances des demandes reçues après ce changement ne sauteront plus ce jour.</li><?cs /if ?>
<?cs if:Spanning ?><li><?cs var:Spanning ?></li>
<?cs else ?><li>Aucune demande en cours n'a d'échéance calculée en sautant ce jour.</li><?cs /if ?>
</ul>
<p><button type="submit" class="danger">Supprimer ce jour de fermeture</button>
<a href="/intranet/fermetures">Annuler, garder ce jour</a></p>
</form>
<?cs call:layout_end() ?>
