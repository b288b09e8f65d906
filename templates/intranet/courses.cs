<?cs include:"layout.cs" ?><?cs call:layout_begin() ?>
<h1>Catalogue</h1>
<p><a class="button" href="/intranet/formations/nouvelle">Nouvelle formation</a>
<a href="/intranet/formations/completude">Complétude des fiches publiées</a></p>
<div class="table-scroll" role="region" tabindex="0" aria-labelledby="formations-titre">
<table class="data">
<caption id="formations-titre" class="visually-hidden">Toutes les formations</caption>
<thead><tr><th scope="col">Intitulé</th><th scope="col">Catégorie</th><th scope="col">État</th><th scope="col">Mise à jour</th><th scope="col">Actions</th></tr></thead>
<tbody>
<?cs each:c = Courses ?>
<tr<?cs if:c.status == "archived" ?> class="inactive"<?cs /if ?>>
<td><a href="/intranet/formations/<?cs var:c.id ?>"><?cs var:c.title ?></a></td>
<td><?cs var:c.category ?></td>
<td><?cs var:c.status_label ?></td>
<td><?cs var:c.updated ?></td>
<td><a href="/intranet/formations/<?cs var:c.id ?>/apercu">Aperçu</a><?cs if:c.status == "published" ?> · <a href="/formations/<?cs var:c.slug ?>">Page publique</a><?cs /if ?></td>
</tr>
<?cs /each ?>
</tbody>
</table></div>
<?cs call:layout_end() ?>
