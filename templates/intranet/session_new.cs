<?cs include:"layout.cs" ?><?cs include:"intranet/session_fields.cs" ?><?cs call:layout_begin() ?>
<?cs # A new session and its plan: the session's fields, the plan's room and
     trainers, one row per day of the programme (Rows.N), and, once
     checked (Plan.check), the plan in words with what is in the way of
     each row, above the same form folded. Every button submits the one
     form "plan"; its action says what to do. ?>
<p class="breadcrumb"><?cs if:Demand.id ?><a href="/intranet/demandes/<?cs var:Demand.id ?>">← Demande <?cs var:Demand.reference ?></a><?cs else ?><a href="/intranet/calendrier">Calendrier</a><?cs /if ?></p>
<div class="page-head">
<h1><?cs if:Plan.check ?>Vérifier le plan de la session<?cs else ?>Nouvelle session<?cs /if ?></h1>
<?cs if:Plan.ready ?><button type="submit" form="plan" name="action" value="creer">Créer la session</button>
<?cs elif:!Plan.check ?><button type="submit" form="plan" name="action" value="verifier">Vérifier le plan</button><?cs /if ?>
</div>
<?cs if:Demand.id ?><p>Pour répondre à la demande <a href="/intranet/demandes/<?cs var:Demand.id ?>"><?cs var:Demand.reference ?></a><?cs if:Demand.custom ?> (demande sur mesure : « <?cs var:Demand.custom ?> »)<?cs /if ?><?cs if:Demand.period ?>, période souhaitée : <?cs var:Demand.period ?><?cs /if ?>.</p><?cs /if ?>

<?cs if:subcount(Errors) || subcount(RowErrors) || Plan.header_problem ?><div class="error-box error-summary" role="alert" aria-labelledby="erreurs-titre" tabindex="-1">
<h2 id="erreurs-titre">La session n'est pas créée : corrigez ce qui est signalé</h2>
<ul>
<?cs if:Errors.course ?><li><a href="#formation"><?cs var:Errors.course ?></a></li><?cs /if ?>
<?cs if:Errors.kind ?><li><a href="#type-inter"><?cs var:Errors.kind ?></a></li><?cs /if ?>
<?cs if:Errors.organisation ?><li><a href="#organisme"><?cs var:Errors.organisation ?></a></li><?cs /if ?>
<?cs if:Errors.place ?><li><a href="#lieu"><?cs var:Errors.place ?></a></li><?cs /if ?>
<?cs if:Errors.min ?><li><a href="#min"><?cs var:Errors.min ?></a></li><?cs /if ?>
<?cs if:Errors.max ?><li><a href="#max"><?cs var:Errors.max ?></a></li><?cs /if ?>
<?cs if:Errors.closes_on ?><li><a href="#cloture"><?cs var:Errors.closes_on ?></a></li><?cs /if ?>
<?cs if:Errors.notes ?><li><a href="#notes"><?cs var:Errors.notes ?></a></li><?cs /if ?>
<?cs if:Errors.demand ?><li><a href="#formation"><?cs var:Errors.demand ?></a></li><?cs /if ?>
<?cs if:Errors.status ?><li><a href="#statut-envisagee"><?cs var:Errors.status ?></a></li><?cs /if ?>
<?cs if:Errors.first_day ?><li><a href="#premier-jour"><?cs var:Errors.first_day ?></a></li><?cs /if ?>
<?cs if:Plan.header_problem ?><li><a href="#plan-salle"><?cs var:Plan.header_problem ?></a></li><?cs /if ?>
<?cs each:e = RowErrors ?><li><a href="#jour-<?cs var:e.n ?>"><?cs var:e.name ?> : <?cs var:e.text ?></a></li>
<?cs /each ?></ul></div><?cs /if ?>

<?cs if:Plan.check ?>
<h2 id="plan-propose">Le plan proposé : <?cs var:Plan.count ?><?cs if:Plan.span ?>, <?cs var:Plan.span ?><?cs /if ?></h2>
<?cs if:Plan.ready ?><p class="notice" role="status">Rien n'est dans le chemin : ni salle ni formateur déjà pris, aucun jour férié ni de fermeture. Rien n'est encore enregistré.</p>
<?cs else ?><p>Rien n'est enregistré. <?cs var:Plan.wrong ?> ligne(s) à corriger ci-dessous, puis vérifiez à nouveau.</p><?cs /if ?>
<?cs if:subcount(Rows) ?><div class="table-scroll" role="region" tabindex="0" aria-labelledby="plan-titre">
<table class="data plan">
<caption id="plan-titre">Créneaux de la session, dans l'ordre</caption>
<thead><tr><th scope="col">Date et horaires</th><th scope="col">Programme</th><th scope="col">À vérifier</th></tr></thead>
<tbody>
<?cs each:r = Rows ?><tr<?cs if:r.wrong ?> class="wrong"<?cs /if ?>>
<th scope="row"><?cs if:r.when ?><?cs var:r.when ?><?cs else ?>Ligne <?cs var:r.n ?> : sans date<?cs /if ?> <span class="part">(<?cs var:r.part_label ?><?cs if:r.lunch ?>, pause <?cs var:r.lunch ?><?cs /if ?>)</span></th>
<td><?cs if:r.label ?><?cs var:r.module_short ?> · <?cs var:r.label ?><?cs else ?>—<?cs /if ?></td>
<td><?cs if:r.wrong ?><span class="tag tag-annulee">À corriger</span><ul class="problems"><?cs each:x = r.Problems ?><li><?cs var:x.text ?></li><?cs /each ?>
<?cs each:c = r.Conflicts ?><li>Pris par <a href="/intranet/sessions/<?cs var:c.session_id ?>#creneau-<?cs var:c.slot_id ?>"><?cs var:c.course ?></a>, <?cs var:c.when ?></li><?cs /each ?></ul>
<?cs else ?><span class="tag tag-confirmee">Libre</span><?cs /if ?><?cs if:r.note ?> <span class="meta"><?cs var:r.note ?></span><?cs /if ?></td>
</tr>
<?cs /each ?></tbody></table></div><?cs /if ?>
<?cs if:Plan.ready ?><p><button type="submit" form="plan" name="action" value="creer">Créer la session</button>
<span class="help">La session et ses <?cs var:Plan.n ?> créneau(x) sont enregistrés ensemble, ou rien ne l'est.</span></p><?cs /if ?>
<details id="modifier-plan"<?cs if:!Plan.ready ?> open<?cs /if ?>><summary>Modifier la session ou le plan</summary>
<?cs /if ?>

<form method="post" action="/intranet/sessions" class="stacked" id="plan" data-closed="<?cs var:Plan.closed ?>">
<input type="hidden" name="_csrf" value="<?cs var:Csrf.token ?>">
<div class="narrow">
<h2 id="session">La session</h2>
<?cs call:session_fields() ?>
<fieldset><legend>Statut</legend>
<label><input type="radio" id="statut-envisagee" name="statut" value="envisagee"<?cs if:Form.status != "confirmee" ?> checked<?cs /if ?>> Envisagée</label>
<label><input type="radio" name="statut" value="confirmee"<?cs if:Form.status == "confirmee" ?> checked<?cs /if ?>> Confirmée</label>
<?cs if:Errors.status ?><span class="field-error"><?cs var:Errors.status ?></span><?cs /if ?></fieldset>

<h2 id="plan-titre-form">Le plan</h2>
<p><label for="premier-jour">Premier jour</label>
<span class="help" id="premier-jour-aide">Chaque ligne sans date prend le jour ouvré qui suit la précédente (week-ends, jours fériés et jours de fermeture sautés). Donnez la date du premier jour de chaque module tenu plus tard.</span>
<?cs if:Errors.first_day ?><span class="field-error" id="premier-jour-erreur"><?cs var:Errors.first_day ?></span><?cs /if ?>
<input type="date" id="premier-jour" name="premier_jour" value="<?cs var:Plan.first_day ?>" aria-describedby="premier-jour-aide<?cs if:Errors.first_day ?> premier-jour-erreur<?cs /if ?>"<?cs if:Errors.first_day ?> aria-invalid="true"<?cs /if ?>></p>
<p><label for="plan-salle">Salle</label>
<select id="plan-salle" name="salle"<?cs if:Plan.header_problem ?> aria-invalid="true"<?cs /if ?>><option value="">— sans salle —</option>
<?cs each:r = Rooms ?><option value="<?cs var:r.id ?>"<?cs if:r.id == Plan.room_id ?> selected<?cs /if ?>><?cs var:r.group ?> · <?cs var:r.label ?></option>
<?cs /each ?></select></p>
<fieldset class="choices"><legend>Formateurs</legend>
<?cs each:t = Trainers ?><label><input type="checkbox" name="formateur" value="<?cs var:t.id ?>"<?cs if:string.find(Plan.trainer_ids, "," + t.id + ",") != -1 ?> checked<?cs /if ?>> <?cs var:t.label ?></label>
<?cs /each ?></fieldset>
<fieldset class="inline-choices"><legend>Rythme proposé</legend>
<label><input type="radio" name="rythme" value="journees"<?cs if:Plan.rhythm != "demi" ?> checked<?cs /if ?>> Une journée par jour du programme</label>
<label><input type="radio" name="rythme" value="demi"<?cs if:Plan.rhythm == "demi" ?> checked<?cs /if ?>> Deux demi-journées</label>
<button type="submit" name="action" value="proposer" class="secondary">Proposer à nouveau les créneaux</button>
<span class="help">Refait les lignes d'après le programme de la formation choisie : les dates et horaires modifiés sont perdus.</span></fieldset>
</div>

<input type="hidden" name="lignes" value="<?cs var:Plan.n ?>">
<?cs each:r = Rows ?><fieldset class="plan-row<?cs if:r.wrong ?> wrong<?cs /if ?>" id="ligne-<?cs var:r.n ?>" data-n="<?cs var:r.n ?>">
<legend>Ligne <?cs var:r.n ?><?cs if:r.label ?> · <?cs var:r.module_short ?> · <?cs var:r.label ?><?cs /if ?></legend>
<?cs if:r.wrong ?><ul class="field-error" id="ligne-<?cs var:r.n ?>-erreur"><?cs each:x = r.Problems ?><li><?cs var:x.text ?></li><?cs /each ?></ul><?cs /if ?>
<?cs # what the row carries besides its fields, in one field (a form has
     at most fields_max): its programme day, the date proposed, the part
     its times were given for ?><input type="hidden" name="ligne_<?cs var:r.n ?>" value="<?cs var:r.prog ?>;<?cs var:r.proposed ?>;<?cs var:r.part ?>">
<div class="plan-fields">
<p><label for="jour-<?cs var:r.n ?>">Date</label>
<input type="date" id="jour-<?cs var:r.n ?>" name="jour_<?cs var:r.n ?>" value="<?cs var:r.day ?>"<?cs if:r.wrong ?> aria-invalid="true" aria-describedby="ligne-<?cs var:r.n ?>-erreur"<?cs /if ?>></p>
<p><label for="partie-<?cs var:r.n ?>">Moment</label>
<select id="partie-<?cs var:r.n ?>" name="partie_<?cs var:r.n ?>">
<option value="journee"<?cs if:r.part == "journee" ?> selected<?cs /if ?>>Journée</option>
<option value="matin"<?cs if:r.part == "matin" ?> selected<?cs /if ?>>Matin</option>
<option value="apres_midi"<?cs if:r.part == "apres_midi" ?> selected<?cs /if ?>>Après-midi</option>
</select></p>
<p><label for="debut-<?cs var:r.n ?>">Début</label>
<input type="time" id="debut-<?cs var:r.n ?>" name="debut_<?cs var:r.n ?>" value="<?cs var:r.start ?>"></p>
<p><label for="fin-<?cs var:r.n ?>">Fin</label>
<input type="time" id="fin-<?cs var:r.n ?>" name="fin_<?cs var:r.n ?>" value="<?cs var:r.end ?>"></p>
<p><label for="pause-<?cs var:r.n ?>">Pause de midi, de</label>
<input type="time" id="pause-<?cs var:r.n ?>" name="pause_<?cs var:r.n ?>" value="<?cs var:r.lunch_start ?>"></p>
<p><label for="reprise-<?cs var:r.n ?>">Reprise à</label>
<input type="time" id="reprise-<?cs var:r.n ?>" name="reprise_<?cs var:r.n ?>" value="<?cs var:r.lunch_end ?>"></p>
<p class="plan-remove"><label><input type="checkbox" name="retirer_<?cs var:r.n ?>" value="1"> Retirer cette ligne</label></p>
</div>
</fieldset>
<?cs /each ?>
<p class="actions"><?cs if:!Plan.full ?><button type="submit" name="action" value="ligne" class="secondary">Ajouter une ligne</button><?cs /if ?>
<button type="submit" name="action" value="verifier"><?cs if:Plan.check ?>Vérifier à nouveau<?cs else ?>Vérifier le plan<?cs /if ?></button>
<span class="help">Vérifier montre les conflits (salle, formateurs, jours fériés et de fermeture) avant que rien ne soit enregistré.</span></p>
</form>
<?cs if:Plan.check ?></details><?cs /if ?>
<script src="/static/plan.js" defer></script>
<?cs call:layout_end() ?>
