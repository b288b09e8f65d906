<?cs include:"layout.cs" ?><?cs call:layout_begin() ?>
<h1>Journal</h1>
<p>Les derniers événements de sécurité, du plus récent au plus ancien.</p>
<?cs if:subcount(Entries) ?>
<div class="table-scroll" role="region" tabindex="0" aria-labelledby="journal-titre">
<table class="data">
<caption id="journal-titre" class="visually-hidden">Journal des événements</caption>
<thead><tr><th scope="col">Date</th><th scope="col">Événement</th><th scope="col">Compte</th><th scope="col">Adresse IP</th><th scope="col">Détail</th></tr></thead>
<tbody>
<?cs each:e = Entries ?>
<tr><td><?cs var:e.at ?></td><td><?cs var:e.action ?></td><td><?cs var:e.email ?></td><td><?cs var:e.ip ?></td><td><?cs var:e.detail ?></td></tr>
<?cs /each ?>
</tbody>
</table></div>
<?cs else ?>
<p>Aucun événement.</p>
<?cs /if ?>
<?cs call:layout_end() ?>
