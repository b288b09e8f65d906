<?cs # The fields of a session, shared by the new-session form and the
     session page. Form.* holds the values, Errors.* the messages. ?><?cs def:session_fields() ?>
<p><label for="formation">Formation</label>
<select id="formation" name="formation" required<?cs if:Errors.course ?> aria-invalid="true" aria-describedby="formation-erreur"<?cs /if ?>>
<option value="">— choisir —</option>
<?cs each:c = Courses ?><option value="<?cs var:c.id ?>"<?cs if:c.id == Form.course_id ?> selected<?cs /if ?>><?cs var:c.label ?></option>
<?cs /each ?></select>
<?cs if:Errors.course ?><span class="field-error" id="formation-erreur"><?cs var:Errors.course ?></span><?cs /if ?></p>
<fieldset<?cs if:Errors.kind ?> aria-describedby="type-erreur"<?cs /if ?>><legend>Type de session</legend>
<label><input type="radio" id="type-inter" name="type" value="inter"<?cs if:Form.kind == "inter" ?> checked<?cs /if ?>> INTER (ouverte à plusieurs organismes)</label>
<label><input type="radio" name="type" value="intra"<?cs if:Form.kind == "intra" ?> checked<?cs /if ?>> INTRA (pour un organisme)</label>
<?cs if:Errors.kind ?><span class="field-error" id="type-erreur"><?cs var:Errors.kind ?></span><?cs /if ?></fieldset>
<p><label for="organisme">Organisme (session INTRA)</label>
<input id="organisme" name="organisme" maxlength="200" value="<?cs var:Form.organisation ?>"<?cs if:Errors.organisation ?> aria-invalid="true" aria-describedby="organisme-erreur"<?cs /if ?>>
<?cs if:Errors.organisation ?><span class="field-error" id="organisme-erreur"><?cs var:Errors.organisation ?></span><?cs /if ?></p>
<p><label for="lieu">Lieu</label>
<select id="lieu" name="lieu"<?cs if:Errors.place ?> aria-invalid="true" aria-describedby="lieu-erreur"<?cs /if ?>>
<option value="">— à définir —</option>
<?cs each:p = Places ?><option value="<?cs var:p.id ?>"<?cs if:p.id == Form.place_id ?> selected<?cs /if ?>><?cs var:p.label ?></option>
<?cs /each ?></select>
<?cs if:Errors.place ?><span class="field-error" id="lieu-erreur"><?cs var:Errors.place ?></span><?cs /if ?></p>
<p><label for="min">Participants minimum</label>
<input id="min" name="min" type="number" min="1" max="1000" required value="<?cs var:Form.min ?>"<?cs if:Errors.min ?> aria-invalid="true" aria-describedby="min-erreur"<?cs /if ?>>
<?cs if:Errors.min ?><span class="field-error" id="min-erreur"><?cs var:Errors.min ?></span><?cs /if ?></p>
<p><label for="max">Participants maximum</label>
<input id="max" name="max" type="number" min="1" max="1000" required value="<?cs var:Form.max ?>"<?cs if:Errors.max ?> aria-invalid="true" aria-describedby="max-erreur"<?cs /if ?>>
<?cs if:Errors.max ?><span class="field-error" id="max-erreur"><?cs var:Errors.max ?></span><?cs /if ?></p>
<p><label for="cloture">Clôture des inscriptions (AAAA-MM-JJ, facultatif)</label>
<input id="cloture" name="cloture" type="date" value="<?cs var:Form.closes_on ?>"<?cs if:Errors.closes_on ?> aria-invalid="true" aria-describedby="cloture-erreur"<?cs /if ?>>
<?cs if:Errors.closes_on ?><span class="field-error" id="cloture-erreur"><?cs var:Errors.closes_on ?></span><?cs /if ?></p>
<p><label><input type="checkbox" name="publique" value="1"<?cs if:Form.public ?> checked<?cs /if ?>> Afficher dans « Sessions à venir » même si elle est INTRA</label></p>
<p><label for="notes">Notes internes</label>
<textarea id="notes" name="notes" rows="3" maxlength="5000"<?cs if:Errors.notes ?> aria-invalid="true" aria-describedby="notes-erreur"<?cs /if ?>><?cs var:Form.notes ?></textarea>
<?cs if:Errors.notes ?><span class="field-error" id="notes-erreur"><?cs var:Errors.notes ?></span><?cs /if ?></p>
<input type="hidden" name="demande" value="<?cs var:Form.demand_id ?>">
<?cs /def ?>
