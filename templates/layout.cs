<?cs # The one layout of every page. Pages include this file, then call
     layout_begin() and layout_end() around their content. Every var: is
     HTML-escaped (Config.VarEscapeMode = html). ?><?cs def:layout_begin() ?><!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title><?cs var:Page.title ?><?cs if:Page.title != "Formations EGOC" ?> · Formations EGOC<?cs /if ?></title>
<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/static/site.css">
<link rel="stylesheet" href="/static/print.css" media="print">
</head>
<body>
<a class="skip" href="#contenu">Aller au contenu</a>
<header class="site">
<div class="wrap">
<a class="brand" href="/">EGOC <span>Formations</span></a>
<?cs # The menu behind a button on a phone, always open on a wide screen
     (site.css); a <details>, so that it opens without JavaScript. ?><details class="menu">
<summary>Menu</summary>
<?cs if:Login.name ?><nav aria-label="Navigation de l'intranet">
<ul>
<li><a href="/intranet">Intranet</a></li>
<li><a href="/intranet/calendrier">Calendrier</a></li>
<?cs if:Login.role != "formateur" ?><li><a href="/intranet/demandes">Demandes</a></li>
<li><a href="/intranet/lieux">Lieux</a></li>
<li><a href="/intranet/formateurs">Formateurs</a></li><?cs /if ?>
<?cs if:Login.role == "admin" || Login.role == "conseiller" ?><li><a href="/intranet/formations">Catalogue</a></li><?cs /if ?>
<?cs if:Login.role == "admin" ?><li><a href="/intranet/utilisateurs">Utilisateurs</a></li>
<li><a href="/intranet/fermetures">Fermetures</a></li>
<li><a href="/intranet/journal">Journal</a></li><?cs /if ?>
<li><form method="post" action="/intranet/deconnexion" class="inline">
<input type="hidden" name="_csrf" value="<?cs var:Csrf.token ?>">
<button type="submit" class="link">Se déconnecter (<?cs var:Login.name ?>)</button></form></li>
</ul>
</nav><?cs else ?><nav aria-label="Navigation principale">
<ul>
<li><a href="/formations">Catalogue</a></li>
<li><a href="/sessions">Sessions à venir</a></li>
<li><a href="/demande">Demander une formation</a></li>
</ul>
</nav><?cs /if ?>
</details>
</div>
</header>
<main id="contenu" class="wrap">
<?cs /def ?><?cs def:layout_end() ?>
</main>
<footer class="site">
<div class="wrap">
<p>EGOC — centre de formation des Caf et de leurs partenaires.
Engagement d'une réponse dans les 15 jours, ou 1 mois pour les sessions INTER.</p>
<p>Nous contacter : <a href="tel:+33299298242">02 99 29 82 42</a> ou <a href="tel:+33299298243">02 99 29 82 43</a></p>
</div>
</footer>
</body>
</html>
<?cs /def ?>