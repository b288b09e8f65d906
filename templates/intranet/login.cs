<?cs include:"layout.cs" ?><?cs call:layout_begin() ?>
<section class="narrow">
<h1>Connexion à l'intranet</h1>
<p>Espace réservé aux équipes de l'EGOC.</p>
<?cs if:Form.notice ?><p class="notice" role="status"><?cs var:Form.notice ?></p><?cs /if ?>
<?cs if:Form.error ?><p class="error-box" role="alert" id="erreur"><?cs var:Form.error ?></p><?cs /if ?>
<form method="post" action="/intranet/connexion" class="stacked">
<input type="hidden" name="_csrf" value="<?cs var:Csrf.token ?>">
<?cs if:Form.retour ?><input type="hidden" name="retour" value="<?cs var:Form.retour ?>"><?cs /if ?>
<p><label for="email">Adresse électronique</label>
<input type="email" id="email" name="email" autocomplete="username" required maxlength="1024" value="<?cs var:Form.email ?>"<?cs if:Form.error ?> aria-describedby="erreur"<?cs /if ?>></p>
<p><label for="motdepasse">Mot de passe</label>
<input type="password" id="motdepasse" name="motdepasse" autocomplete="current-password" required maxlength="1024"></p>
<p><button type="submit">Se connecter</button></p>
</form>
</section>
<?cs call:layout_end() ?>
