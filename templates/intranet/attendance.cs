<?cs include:"layout.cs" ?><?cs call:layout_begin() ?>
<?cs with:h = HalfDay ?>
<p class="breadcrumb"><a href="/intranet/sessions/<?cs var:h.session_id ?>#emargement">Session : <?cs var:h.course ?></a></p>
<h1>Émargement du <?cs var:h.label ?></h1>
<p class="meta"><?cs if:h.module ?><?cs var:h.module ?><?cs if:h.day_label ?> · <?cs var:h.day_label ?><?cs /if ?> · <?cs /if ?><?cs if:h.room ?><?cs var:h.place ?> · <?cs var:h.room ?><?cs /if ?><?cs if:h.trainers ?> · <?cs var:h.trainers ?><?cs /if ?></p>
<?cs if:Notice ?><p class="notice" role="status"><?cs var:Notice ?></p><?cs /if ?>
<?cs if:Errors.change ?><p class="error-box" role="alert"><?cs var:Errors.change ?></p><?cs /if ?>
<?cs if:h.certified ?><p><span class="tag tag-confirmee">Certifiée</span> Les présences de cette demi-journée ne changent plus<?cs if:h.admin ?> : en administrateur, vous pouvez corriger, avec une raison<?cs /if ?>.</p>
<?cs elif:Code.digits ?><section class="code-panel" aria-labelledby="code-titre" id="code">
<h2 id="code-titre">Code de signature</h2>
<p class="code-digits" aria-label="Code : <?cs var:Code.digits ?>"><?cs var:Code.digits ?></p>
<p><img src="/intranet/presence/<?cs var:h.id ?>/qr.svg" width="220" height="220" alt="QR code qui ouvre la page de signature, avec ce code"></p>
<p class="help">Les participants le saisissent sur leur page personnelle (lien de leur convocation), ou scannent le QR code. Il change toutes les 30 secondes (encore <span id="code-secondes"><?cs var:Code.left ?></span> s) ; le précédent reste accepté.</p>
<p><a href="/intranet/presence/<?cs var:h.id ?>">Afficher le nouveau code</a></p>
</section>
<?cs elif:h.window == "pas_encore" ?><p>La signature ouvre 15 minutes avant le début de la demi-journée.</p>
<?cs else ?><p>La signature électronique est close : marquez les présences ci-dessous, puis certifiez.</p><?cs /if ?>

<?cs if:h.last && h.window != "ferme" ?><section class="code-panel" aria-labelledby="avis-titre" id="questionnaire">
<h2 id="avis-titre">Questionnaire à chaud</h2>
<p>C'est la dernière demi-journée : les participants peuvent donner leur avis dès maintenant, sur place, en scannant ce QR code (ou depuis leur page personnelle). Il mène chacun à son propre questionnaire ; ceux qui n'y répondent pas le reçoivent par courriel à la fin de la demi-journée.</p>
<p><img src="/intranet/presence/<?cs var:h.id ?>/questionnaire.svg" width="220" height="220" alt="QR code qui ouvre le questionnaire à chaud de chaque participant"></p>
<p class="meta">Adresse : <?cs var:h.survey_url ?></p>
</section><?cs /if ?>
<p><a href="/intranet/presence/<?cs var:h.id ?>/feuille.pdf">Feuille d'émargement de la demi-journée (PDF<?cs if:!h.certified ?>, à faire signer<?cs /if ?>)</a></p>
<section aria-labelledby="feuilles-titre" id="feuilles">
<h2 id="feuilles-titre">Feuilles papier signées</h2>
<?cs if:subcount(Scans) ?><div class="table-scroll" role="region" tabindex="0" aria-labelledby="feuilles-liste">
<table class="data">
<caption id="feuilles-liste">Feuilles numérisées jointes à la demi-journée</caption>
<thead><tr><th scope="col">Fichier</th><th scope="col">Jointe le</th><th scope="col">Par</th><th scope="col">Taille</th></tr></thead>
<tbody><?cs each:f = Scans ?><tr><th scope="row"><a href="/intranet/presence/<?cs var:h.id ?>/scans/<?cs var:f.id ?>"><?cs if:f.name ?><?cs var:f.name ?><?cs else ?>Feuille n° <?cs var:f.id ?><?cs /if ?></a><br><span class="meta"><?cs var:f.kind ?></span></th>
<td><?cs var:f.when ?></td><td><?cs var:f.by ?></td><td><?cs var:f.size ?></td></tr>
<?cs /each ?></tbody></table></div>
<?cs else ?><p>Aucune feuille numérisée pour l'instant : après la séance, joignez ici la feuille signée.</p><?cs /if ?>
<?cs if:Errors.scan ?><p class="error-box" role="alert"><a href="#feuille"><?cs var:Errors.scan ?></a></p><?cs /if ?>
<form method="post" action="/intranet/presence/<?cs var:h.id ?>/scans" enctype="multipart/form-data" class="stacked">
<input type="hidden" name="_csrf" value="<?cs var:Csrf.token ?>">
<p><label for="feuille">Feuille papier signée (PDF, JPEG ou PNG, 10 Mo au plus)</label>
<?cs if:Errors.scan ?><span class="field-error" id="feuille-erreur"><?cs var:Errors.scan ?></span><?cs /if ?>
<input type="file" id="feuille" name="feuille" accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png" required<?cs if:Errors.scan ?> aria-invalid="true" aria-describedby="feuille-erreur"<?cs /if ?>></p>
<p><button type="submit" class="secondary">Joindre la feuille</button></p></form>
</section>
<h2 id="participants">Participants</h2>
<?cs if:subcount(People) ?>
<div class="table-scroll" role="region" tabindex="0" aria-labelledby="presences-titre">
<table class="data">
<caption id="presences-titre">Présences de la demi-journée</caption>
<thead><tr><th scope="col">Participant</th><th scope="col">Présence</th><?cs if:!h.certified || h.admin ?><th scope="col">Actions</th><?cs /if ?></tr></thead>
<tbody>
<?cs each:p = People ?><tr id="participant-<?cs var:p.id ?>"><th scope="row"><?cs var:p.name ?><?cs if:p.organisation ?><br><span class="meta"><?cs var:p.organisation ?></span><?cs /if ?><?cs if:p.adaptation ?><br><span class="tag tag-info">Adaptation : <?cs var:p.adaptation ?></span><?cs /if ?></th>
<td><?cs if:p.mark ?><?cs var:p.mark ?><?cs else ?>Pas encore signé<?cs /if ?><?cs if:p.anomaly ?><br><strong class="tag tag-attente">Anomalie : le même navigateur a signé pour plusieurs participants</strong><?cs /if ?></td>
<?cs if:!h.certified ?><td>
<form method="post" action="/intranet/presence/<?cs var:h.id ?>" class="inline"><input type="hidden" name="_csrf" value="<?cs var:Csrf.token ?>"><input type="hidden" name="inscription" value="<?cs var:p.id ?>"><input type="hidden" name="action" value="present"><button type="submit">Présent<span class="visually-hidden"> : <?cs var:p.name ?></span></button></form>
<form method="post" action="/intranet/presence/<?cs var:h.id ?>" class="inline"><input type="hidden" name="_csrf" value="<?cs var:Csrf.token ?>"><input type="hidden" name="inscription" value="<?cs var:p.id ?>"><input type="hidden" name="action" value="papier"><button type="submit" class="secondary">Signé sur papier<span class="visually-hidden"> : <?cs var:p.name ?></span></button></form>
<form method="post" action="/intranet/presence/<?cs var:h.id ?>" class="inline"><input type="hidden" name="_csrf" value="<?cs var:Csrf.token ?>"><input type="hidden" name="inscription" value="<?cs var:p.id ?>"><input type="hidden" name="action" value="absent"><button type="submit" class="secondary">Absent<span class="visually-hidden"> : <?cs var:p.name ?></span></button></form>
<details><summary>Retard, départ anticipé<span class="visually-hidden"> : <?cs var:p.name ?></span></summary>
<form method="post" action="/intranet/presence/<?cs var:h.id ?>" class="stacked"><input type="hidden" name="_csrf" value="<?cs var:Csrf.token ?>"><input type="hidden" name="inscription" value="<?cs var:p.id ?>">
<p><label for="minutes-<?cs var:p.id ?>">Minutes</label><input id="minutes-<?cs var:p.id ?>" name="minutes" inputmode="numeric" maxlength="3"></p>
<p><button type="submit" name="action" value="retard">Arrivé(e) en retard</button> <button type="submit" name="action" value="depart" class="secondary">Parti(e) avant la fin</button></p></form></details>
</td><?cs elif:h.admin ?><td><details><summary>Corriger<span class="visually-hidden"> : <?cs var:p.name ?></span></summary>
<form method="post" action="/intranet/presence/<?cs var:h.id ?>" class="stacked warning"><input type="hidden" name="_csrf" value="<?cs var:Csrf.token ?>"><input type="hidden" name="inscription" value="<?cs var:p.id ?>">
<p><label for="action-<?cs var:p.id ?>">Correction</label><select id="action-<?cs var:p.id ?>" name="action"><option value="present">Présent(e)</option><option value="papier">Signé sur papier</option><option value="absent">Absent(e)</option><option value="retard">Arrivé(e) en retard</option><option value="depart">Parti(e) avant la fin</option></select></p>
<p><label for="minutes-<?cs var:p.id ?>">Minutes (retard, départ)</label><input id="minutes-<?cs var:p.id ?>" name="minutes" inputmode="numeric" maxlength="3"></p>
<p><label for="raison-<?cs var:p.id ?>">Raison de la correction (obligatoire)</label><input id="raison-<?cs var:p.id ?>" name="raison" maxlength="1000" required></p>
<p><button type="submit">Corriger</button></p></form></details></td><?cs /if ?></tr>
<?cs /each ?></tbody></table></div>
<?cs if:!h.certified ?><form method="post" action="/intranet/presence/<?cs var:h.id ?>" class="stacked">
<input type="hidden" name="_csrf" value="<?cs var:Csrf.token ?>"><input type="hidden" name="action" value="certifier">
<p><button type="submit">Certifier la demi-journée</button> <span class="help">Après la certification, les présences ne changent plus ; un administrateur seul peut corriger, avec une raison.</span></p></form><?cs /if ?>
<?cs else ?><p>Aucun participant confirmé dans cette session.</p><?cs /if ?>
<?cs /with ?>
<script src="/static/presence.js" defer></script>
<?cs call:layout_end() ?>
