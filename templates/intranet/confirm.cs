<?cs include:"layout.cs" ?><?cs call:layout_begin() ?>
<p class="breadcrumb"><a href="<?cs var:Confirm.back ?>"><?cs var:Confirm.back_label ?></a></p>
<h1><?cs var:Confirm.title ?></h1>
<form method="post" action="<?cs var:Confirm.action ?>" class="stacked warning">
<input type="hidden" name="_csrf" value="<?cs var:Csrf.token ?>">
<?cs each:f = Confirm.Fields ?><input type="hidden" name="<?cs var:f.name ?>" value="<?cs var:f.value ?>">
<?cs /each ?><input type="hidden" name="confirme" value="oui">
<h2>Ce que cela change</h2>
<ul><?cs each:c = Confirm.Consequences ?><li><?cs var:c.text ?></li><?cs /each ?></ul>
<p><button type="submit" class="danger"><?cs var:Confirm.button ?></button>
<a href="<?cs var:Confirm.back ?>">Ne rien changer</a></p>
</form>
<?cs call:layout_end() ?>
