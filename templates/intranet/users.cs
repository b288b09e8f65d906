<?cs include:"layout.cs" ?><?cs call:layout_begin() ?>
<h1>Utilisateurs</h1>
<?cs if:Notice ?><p class="notice" role="status"><?cs var:Notice ?></p><?cs /if ?>
<?cs if:Errors.change ?><p class="error-box" role="alert"><?cs var:Errors.change ?></p><?cs /if ?>
<div class="table-scroll" role="region" tabindex="0" aria-labelledby="comptes-titre">
<table class="data">
<caption id="comptes-titre" class="visually-hidden">Comptes de l'intranet</caption>
<thead><tr><th scope="col">Nom</th><th scope="col">Adresse</th><th scope="col">Rôle</th><th scope="col">État</th><th scope="col">Référent handicap</th><th scope="col">Actions</th></tr></thead>
<tbody>
<?cs each:u = Users ?>
<tr<?cs if:!u.active ?> class="inactive"<?cs /if ?>>
<td><?cs var:u.name ?></td>
<td><?cs var:u.email ?></td>
<td><form method="post" action="/intranet/utilisateurs/<?cs var:u.id ?>" class="inline">
<input type="hidden" name="_csrf" value="<?cs var:Csrf.token ?>">
<input type="hidden" name="action" value="role">
<label class="visually-hidden" for="role-<?cs var:u.id ?>">Rôle de <?cs var:u.name ?></label>
<select id="role-<?cs var:u.id ?>" name="role">
<option value="admin"<?cs if:u.role == "admin" ?> selected<?cs /if ?>>Administrateur</option>
<option value="conseiller"<?cs if:u.role == "conseiller" ?> selected<?cs /if ?>>Conseiller formation</option>
<option value="assistant"<?cs if:u.role == "assistant" ?> selected<?cs /if ?>>Assistant(e) formation</option>
<option value="formateur"<?cs if:u.role == "formateur" ?> selected<?cs /if ?>>Formateur</option>
</select>
<button type="submit">Changer</button></form></td>
<td><?cs if:u.active ?>Actif<?cs else ?>Désactivé<?cs /if ?></td>
<td><form method="post" action="/intranet/utilisateurs/<?cs var:u.id ?>" class="inline">
<input type="hidden" name="_csrf" value="<?cs var:Csrf.token ?>">
<?cs if:u.referent ?><span class="tag tag-info">Référent handicap</span>
<input type="hidden" name="action" value="non-referent"><button type="submit" class="secondary" aria-label="Retirer le rôle de référent handicap à <?cs var:u.name ?>">Retirer</button>
<?cs else ?><input type="hidden" name="action" value="referent"><button type="submit" class="secondary" aria-label="Désigner <?cs var:u.name ?> référent handicap">Désigner</button><?cs /if ?>
</form></td>
<td><?cs if:u.id != Me ?><form method="post" action="/intranet/utilisateurs/<?cs var:u.id ?>" class="inline">
<input type="hidden" name="_csrf" value="<?cs var:Csrf.token ?>">
<?cs if:u.active ?><input type="hidden" name="action" value="desactiver"><button type="submit">Désactiver</button>
<?cs else ?><input type="hidden" name="action" value="activer"><button type="submit">Réactiver</button><?cs /if ?>
</form><?cs /if ?></td>
</tr>
<?cs /each ?>
</tbody>
</table></div>

<h2 id="nouveau">Nouveau compte</h2>
<form method="post" action="/intranet/utilisateurs" class="stacked narrow">
<input type="hidden" name="_csrf" value="<?cs var:Csrf.token ?>">
<p><label for="nom">Nom affiché</label>
<input id="nom" name="nom" required maxlength="120" value="<?cs var:Form.name ?>"<?cs if:Errors.name ?> aria-invalid="true" aria-describedby="nom-erreur"<?cs /if ?>>
<?cs if:Errors.name ?><span class="field-error" id="nom-erreur"><?cs var:Errors.name ?></span><?cs /if ?></p>
<p><label for="email">Adresse électronique</label>
<input type="email" id="email" name="email" required maxlength="254" value="<?cs var:Form.email ?>"<?cs if:Errors.email ?> aria-invalid="true" aria-describedby="email-erreur"<?cs /if ?>>
<?cs if:Errors.email ?><span class="field-error" id="email-erreur"><?cs var:Errors.email ?></span><?cs /if ?></p>
<p><label for="role">Rôle</label>
<select id="role" name="role"<?cs if:Errors.role ?> aria-invalid="true" aria-describedby="role-erreur"<?cs /if ?>>
<option value="conseiller"<?cs if:Form.role == "conseiller" ?> selected<?cs /if ?>>Conseiller formation</option>
<option value="assistant"<?cs if:Form.role == "assistant" ?> selected<?cs /if ?>>Assistant(e) formation</option>
<option value="formateur"<?cs if:Form.role == "formateur" ?> selected<?cs /if ?>>Formateur</option>
<option value="admin"<?cs if:Form.role == "admin" ?> selected<?cs /if ?>>Administrateur</option>
</select>
<?cs if:Errors.role ?><span class="field-error" id="role-erreur"><?cs var:Errors.role ?></span><?cs /if ?></p>
<p><label for="motdepasse">Mot de passe provisoire (12 caractères au moins)</label>
<input type="password" id="motdepasse" name="motdepasse" required minlength="12" maxlength="1024" autocomplete="new-password"<?cs if:Errors.password ?> aria-invalid="true" aria-describedby="motdepasse-erreur"<?cs /if ?>>
<?cs if:Errors.password ?><span class="field-error" id="motdepasse-erreur"><?cs var:Errors.password ?></span><?cs /if ?></p>
<p><button type="submit">Créer le compte</button></p>
</form>
<?cs call:layout_end() ?>
