<?cs include:"layout.cs" ?><?cs call:layout_begin() ?>
<h1>Signer votre présence</h1>
<p>Ouvrez votre page personnelle, par le lien de votre convocation (sur ce téléphone, de préférence : il s'en souviendra pour la prochaine fois), puis saisissez le code affiché dans la salle<?cs if:Code ?> : <strong><?cs var:Code ?></strong><?cs /if ?>.</p>
<p>Le code change toutes les 30 secondes : s'il n'est plus accepté, saisissez celui qui est affiché.</p>
<?cs call:layout_end() ?>
