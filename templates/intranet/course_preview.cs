<?cs include:"layout.cs" ?><?cs include:"public/course_body.cs" ?><?cs call:layout_begin() ?>
<p class="notice" role="status">Aperçu de la fiche (état : <?cs var:Preview.status ?>). <a href="/intranet/formations/<?cs var:Course.id ?>">Retour à l'édition</a></p>
<?cs call:course_body() ?>
<?cs call:layout_end() ?>
