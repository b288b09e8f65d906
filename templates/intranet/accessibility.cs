<?cs include:"layout.cs" ?><?cs call:layout_begin() ?>
<?cs def:need_form(n) ?><form method="post" action="/intranet/accessibilite/<?cs var:n.id ?>" class="stacked narrow">
<input type="hidden" name="_csrf" value="<?cs var:Csrf.token ?>">
<?cs if:Form.id == n.id ?><?cs set:st = Form.status ?><?cs set:txt = Form.decision ?><?cs else ?><?cs set:st = n.status ?><?cs set:txt = n.decision ?><?cs /if ?>
<p><label for="statut-<?cs var:n.id ?>">Décision</label>
<select id="statut-<?cs var:n.id ?>" name="statut"<?cs if:Form.id == n.id && Errors.status ?> aria-invalid="true" aria-describedby="statut-<?cs var:n.id ?>-erreur"<?cs /if ?>>
<option value="adaptation_prevue"<?cs if:st == "adaptation_prevue" ?> selected<?cs /if ?>>Adaptation prévue</option>
<option value="sans_objet"<?cs if:st == "sans_objet" ?> selected<?cs /if ?>>Sans objet (aucune adaptation nécessaire)</option>
</select>
<?cs if:Form.id == n.id && Errors.status ?><span class="field-error" id="statut-<?cs var:n.id ?>-erreur"><?cs var:Errors.status ?></span><?cs /if ?></p>
<p><label for="prevu-<?cs var:n.id ?>">Ce qui est prévu</label>
<span class="help" id="prevu-<?cs var:n.id ?>-aide">Les formateurs de la session lisent ce texte quand une adaptation est prévue : décrivez ce qu'ils doivent faire, sans détail de santé.</span>
<textarea id="prevu-<?cs var:n.id ?>" name="prevu" rows="3" maxlength="2000" required aria-describedby="prevu-<?cs var:n.id ?>-aide<?cs if:Form.id == n.id && Errors.decision ?> prevu-<?cs var:n.id ?>-erreur<?cs /if ?>"<?cs if:Form.id == n.id && Errors.decision ?> aria-invalid="true"<?cs /if ?>><?cs var:txt ?></textarea>
<?cs if:Form.id == n.id && Errors.decision ?><span class="field-error" id="prevu-<?cs var:n.id ?>-erreur"><?cs var:Errors.decision ?></span><?cs /if ?></p>
<p><button type="submit">Enregistrer la décision<span class="visually-hidden"> pour <?cs var:n.person ?></span></button></p>
</form><?cs /def ?>
<?cs def:need_facts(n) ?><dl class="facts">
<dt>Formation</dt><dd><?cs if:n.course ?><?cs var:n.course ?><?cs else ?>Non précisée<?cs /if ?></dd>
<dt>Session</dt><dd><?cs if:n.session_id ?><a href="/intranet/sessions/<?cs var:n.session_id ?>"><?cs if:n.session_day ?>Session du <?cs var:n.session_day ?><?cs else ?>Session sans date encore<?cs /if ?></a><?cs else ?>Pas encore de session<?cs /if ?></dd>
<dt>Déclaré</dt><dd><?cs if:n.demand_id && Desk ?><a href="/intranet/demandes/<?cs var:n.demand_id ?>"><?cs var:n.source ?></a><?cs else ?><?cs var:n.source ?><?cs /if ?>, le <?cs var:n.declared ?></dd>
<dt>Besoin</dt><dd class="prewrap"><?cs var:n.need ?></dd>
</dl><?cs /def ?>
<p><a href="/intranet/">Accueil de l'intranet</a></p>
<h1>Besoins liés à un handicap</h1>
<?cs if:Notice ?><p class="notice" role="status"><?cs var:Notice ?></p><?cs /if ?>
<?cs if:Errors.summary ?><p class="error-box" role="alert"><a href="#besoin-<?cs var:Form.id ?>"><?cs var:Errors.summary ?></a></p><?cs /if ?>
<p>Les besoins déclarés sur une demande, à l'inscription ou par le participant sur sa page. Ils sont à étudier
5 jours ouvrés avant le premier jour de la session (5 jours ouvrés après leur déclaration quand il n'y a pas
encore de session). Seuls le référent handicap et les administrateurs lisent ces besoins ; chaque lecture
est inscrite au journal. Les formateurs de la session ne voient que ce qui est prévu.</p>

<h2 id="a-etudier">À étudier (<?cs var:OpenCount ?>)</h2>
<?cs each:n = Needs ?><?cs if:n.open ?>
<section class="need" id="besoin-<?cs var:n.id ?>" aria-labelledby="besoin-<?cs var:n.id ?>-titre">
<h3 id="besoin-<?cs var:n.id ?>-titre"><?cs var:n.person ?>
<?cs if:n.late ?><span class="tag tag-late">En retard</span><?cs else ?><span class="tag tag-todo">À étudier</span><?cs /if ?></h3>
<p><strong>À étudier au plus tard le <?cs var:n.due ?></strong></p>
<?cs call:need_facts(n) ?>
<?cs call:need_form(n) ?>
</section>
<?cs /if ?><?cs /each ?>
<?cs if:OpenCount == "0" ?><p>Aucun besoin à étudier.</p><?cs /if ?>

<h2 id="decides">Décidés (<?cs var:DecidedCount ?>)</h2>
<?cs each:n = Needs ?><?cs if:!n.open ?>
<section class="need" id="besoin-<?cs var:n.id ?>" aria-labelledby="besoin-<?cs var:n.id ?>-titre">
<h3 id="besoin-<?cs var:n.id ?>-titre"><?cs var:n.person ?>
<span class="tag <?cs if:n.status == "adaptation_prevue" ?>tag-confirmee<?cs else ?>tag-info<?cs /if ?>"><?cs var:n.status_label ?></span></h3>
<?cs call:need_facts(n) ?>
<p><strong>Ce qui est prévu :</strong></p>
<p class="prewrap"><?cs var:n.decision ?></p>
<p class="meta">Décidé le <?cs var:n.decided_at ?><?cs if:n.decided_by ?> par <?cs var:n.decided_by ?><?cs /if ?>.</p>
<details<?cs if:Form.id == n.id ?> open<?cs /if ?>><summary>Modifier la décision<span class="visually-hidden"> pour <?cs var:n.person ?></span></summary>
<?cs call:need_form(n) ?>
</details>
</section>
<?cs /if ?><?cs /each ?>
<?cs if:DecidedCount == "0" ?><p>Aucun besoin décidé pour l'instant.</p><?cs /if ?>
<?cs call:layout_end() ?>
