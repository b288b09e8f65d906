<?cs include:"layout.cs" ?><?cs call:layout_begin() ?>
<?cs with:t = Certificate ?>
<p class="meta">Vérification d'une attestation de fin de formation</p>
<?cs if:t.state == "inconnue" ?>
<h1>Attestation inconnue</h1>
<p>Aucune attestation authentique de l'EGOC ne porte ce code. Vérifiez le code imprimé sous le QR code de l'attestation (quatre groupes de quatre lettres et chiffres) ; en cas de doute, contactez l'EGOC.</p>
<?cs else ?>
<?cs if:t.state == "revoquee" ?><h1>Attestation révoquée</h1>
<p class="error-box" role="alert">Cette attestation a été émise par l'EGOC puis révoquée le <?cs var:t.revoked ?> : elle n'est plus valable.<?cs if:t.reason ?> Motif : <?cs var:t.reason ?><?cs /if ?></p>
<?cs else ?><h1>Attestation authentique</h1>
<p class="notice" role="status">Cette attestation a été émise par l'EGOC et sa signature électronique est valide : elle atteste ce qui suit.</p><?cs /if ?>
<dl class="facts">
<dt>Code de vérification</dt><dd><?cs var:t.code ?></dd>
<dt>Participant</dt><dd><?cs var:t.participant ?><?cs if:t.organisation ?> (<?cs var:t.organisation ?>)<?cs /if ?></dd>
<dt>Formation</dt><dd><?cs var:t.course ?></dd>
<dt>Nature de l'action</dt><dd><?cs var:t.nature ?></dd>
<dt>Dates</dt><dd><?cs var:t.dates ?></dd>
<dt>Durée prévue</dt><dd><?cs var:t.planned ?></dd>
<dt>Durée suivie</dt><dd><?cs var:t.attended ?><?cs if:t.partial ?> (présence partielle)<?cs /if ?></dd>
<dt>Émise le</dt><dd><?cs var:t.issued ?></dd>
</dl>
<?cs /if ?>
<?cs /with ?>
<?cs call:layout_end() ?>
