<?cs include:"layout.cs" ?><?cs call:layout_begin() ?>
<h1>Donner votre avis sur la formation</h1>
<p>Votre questionnaire est personnel : ouvrez votre page personnelle par le lien de votre convocation (sur ce téléphone, de préférence : il s'en souviendra), puis choisissez « Donner mon avis sur la formation ». Scannez ensuite de nouveau le QR code si vous le souhaitez.</p>
<p>Vous recevez aussi le lien de votre questionnaire par courriel à la fin de la formation.</p>
<?cs call:layout_end() ?>
