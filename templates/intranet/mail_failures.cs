<?cs include:"layout.cs" ?><?cs call:layout_begin() ?>
<p><a href="/intranet/">Accueil de l'intranet</a></p>
<h1>Courriels non remis</h1>
<?cs if:Notice ?><p class="notice" role="status"><?cs var:Notice ?></p><?cs /if ?>
<?cs if:Errors.change ?><p class="error-box" role="alert"><?cs var:Errors.change ?></p><?cs /if ?>
<p>Ces courriels n'ont pas pu partir : le serveur de messagerie a refusé l'adresse, ou il est resté
injoignable pendant plusieurs jours. Ils ne sont plus réessayés. Prévenez la personne par un autre moyen
(téléphone), ou renvoyez le courriel une fois la cause réglée.</p>
<?cs if:subcount(Failures) ?>
<div class="table-scroll" role="region" tabindex="0" aria-labelledby="courriers-titre">
<table class="data" id="courriers">
<caption id="courriers-titre">Courriels abandonnés, du plus récent au plus ancien</caption>
<thead><tr><th scope="col">Abandonné le</th><th scope="col">Destinataire</th><th scope="col">Courriel</th><th scope="col">Raison</th><th scope="col">Action</th></tr></thead>
<tbody>
<?cs each:f = Failures ?>
<tr id="courriel-<?cs var:f.id ?>"><td><?cs var:f.on ?>, <?cs var:f.time ?></td>
<th scope="row"><?cs var:f.to ?></th>
<td><?cs var:f.kind ?><?cs if:f.reference ?> — <a href="/intranet/demandes/<?cs var:f.demand_id ?>"><?cs var:f.reference ?></a><?cs /if ?><br><span class="meta"><?cs var:f.subject ?></span></td>
<td><span class="meta">Après <?cs var:f.attempts ?> essai(s) : <?cs var:f.error ?></span></td>
<td><form method="post" action="/intranet/courriers/<?cs var:f.id ?>" class="inline">
<input type="hidden" name="_csrf" value="<?cs var:Csrf.token ?>">
<input type="hidden" name="action" value="renvoyer">
<button type="submit">Renvoyer<span class="visually-hidden"> le courriel à <?cs var:f.to ?></span></button></form></td></tr>
<?cs /each ?>
</tbody>
</table></div>
<?cs else ?>
<p>Aucun courriel non remis : tout ce que l'application a envoyé est parti.</p>
<?cs /if ?>
<?cs call:layout_end() ?>
