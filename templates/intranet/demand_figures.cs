<?cs include:"layout.cs" ?><?cs call:layout_begin() ?>
<h1>Chiffres des demandes</h1>
<p>L'engagement : une réponse dans les 15 jours, ou 1 mois pour les sessions INTER et les procédures de marché.
Chiffres du <?cs var:Today ?> (heure de Paris), sur les demandes reçues depuis le <?cs var:Since ?>.</p>
<p><a href="/intranet/demandes/export.csv">Exporter toutes les demandes (CSV)</a></p>

<h2 id="retards">Demandes en retard</h2>
<ul>
<li><strong id="open-late"><?cs var:OpenLate ?></strong> demande(s) ouverte(s) dont l'échéance est dépassée.</li>
<li><strong id="answered-late"><?cs var:AnsweredLate ?></strong> demande(s) répondue(s) après l'échéance sur les 12 derniers mois.</li>
</ul>
<?cs if:subcount(Late) ?>
<div class="table-scroll" role="region" tabindex="0" aria-labelledby="late-list-titre">
<table class="data" id="late-list">
<caption id="late-list-titre">Demandes ouvertes en retard, de la plus ancienne échéance à la plus récente<?cs if:LateTruncated ?> (les <?cs var:LateShown ?> premières)<?cs /if ?></caption>
<thead><tr><th scope="col">Référence</th><th scope="col">Organisme</th><th scope="col">Échéance</th><th scope="col">Retard</th><th scope="col">Responsable</th><th scope="col">État</th></tr></thead>
<tbody>
<?cs each:l = Late ?>
<tr><th scope="row"><a href="/intranet/demandes/<?cs var:l.id ?>"><?cs var:l.reference ?></a></th>
<td><?cs var:l.organisation ?></td><td><?cs var:l.due ?></td><td><?cs var:l.days ?></td>
<td><?cs if:l.assignee ?><?cs var:l.assignee ?><?cs else ?>Non attribuée<?cs /if ?></td><td><?cs var:l.status ?></td></tr>
<?cs /each ?>
</tbody>
</table></div>
<?cs /if ?>

<h2 id="jours-restants">Demandes ouvertes par jours restants</h2>
<div class="table-scroll" role="region" tabindex="0" aria-labelledby="buckets-titre">
<table class="data" id="buckets">
<caption id="buckets-titre">Demandes ouvertes (<?cs var:Open.total ?>) selon les jours qui restent avant l'échéance</caption>
<thead><tr><th scope="col">Jours restants</th><th scope="col">Régime 15 jours</th><th scope="col">Régime 1 mois</th><th scope="col">Total</th></tr></thead>
<tbody>
<?cs each:b = Buckets ?>
<tr id="bucket-<?cs var:b.key ?>"><th scope="row"><?cs var:b.label ?></th><td><?cs var:b.c15 ?></td><td><?cs var:b.c1m ?></td><td><?cs var:b.total ?></td></tr>
<?cs /each ?>
</tbody>
<tfoot><tr id="bucket-total"><th scope="row">Total</th><td><?cs var:Open.c15 ?></td><td><?cs var:Open.c1m ?></td><td><?cs var:Open.total ?></td></tr></tfoot>
</table></div>
<p>Dont <strong id="open-paused"><?cs var:Open.paused ?></strong> en attente du demandeur : leur délai est suspendu,
leurs jours restants sont comptés au jour où l'attente a commencé.</p>

<h2 id="a-temps">Réponses dans les délais</h2>
<div class="table-scroll" role="region" tabindex="0" aria-labelledby="regimes-titre">
<table class="data" id="regimes">
<caption id="regimes-titre">Sur les 12 derniers mois, par régime (demandes répondues, selon leur mois de réception)</caption>
<thead><tr><th scope="col">Régime</th><th scope="col">Répondues</th><th scope="col">Dans les délais</th><th scope="col">Part dans les délais</th><th scope="col">En retard</th><th scope="col">Délai médian de réponse</th></tr></thead>
<tbody>
<?cs each:r = Regimes ?>
<tr id="regime-<?cs var:r.key ?>"><th scope="row"><?cs var:r.label ?></th><td><?cs var:r.answered ?></td><td><?cs var:r.on_time ?></td><td class="share"><?cs var:r.share ?></td><td><?cs var:r.late ?></td><td class="median"><?cs var:r.median ?></td></tr>
<?cs /each ?>
</tbody>
</table></div>
<p>Le délai de réponse est compté en jours calendaires, de la date de réception à la date de la réponse
(les jours d'attente du demandeur compris). Une réponse est dans les délais lorsqu'elle est donnée au plus tard le jour de l'échéance.</p>

<div class="table-scroll" role="region" tabindex="0" aria-labelledby="months-titre">
<table class="data" id="months">
<caption id="months-titre">Part des demandes répondues dans les délais, par mois de réception (« — » : aucune demande répondue)</caption>
<thead><tr><th scope="col">Mois</th><th scope="col">Régime 15 jours</th><th scope="col">Régime 1 mois</th></tr></thead>
<tbody>
<?cs each:m = Months ?>
<tr id="month-<?cs var:m.key ?>"><th scope="row"><?cs var:m.label ?></th>
<td class="r15"><?cs var:m.share15 ?><?cs if:m.share15 != "—" ?> (<?cs var:m.detail15 ?>)<?cs /if ?></td>
<td class="r1m"><?cs var:m.share1m ?><?cs if:m.share1m != "—" ?> (<?cs var:m.detail1m ?>)<?cs /if ?></td></tr>
<?cs /each ?>
</tbody>
</table></div>
<?cs call:layout_end() ?>
