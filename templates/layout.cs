<?cs # The one layout of every page. Pages include this file, then call
     layout_begin() and layout_end() around their content. Every var: is
     HTML-escaped (Config.VarEscapeMode = html). ?><?cs def:nav(href, label) ?><a href="<?cs var:href ?>"<?cs if:Page.section == href ?> aria-current="page"<?cs /if ?>><?cs var:label ?></a><?cs /def ?><?cs def:layout_begin() ?><!doctype html>
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
<li><?cs call:nav("/intranet", "Intranet") ?></li>
<li><?cs call:nav("/intranet/calendrier", "Calendrier") ?></li>
<?cs if:Login.role != "formateur" ?><li><?cs call:nav("/intranet/demandes", "Demandes") ?></li>
<li><?cs call:nav("/intranet/lieux", "Lieux") ?></li>
<li><?cs call:nav("/intranet/formateurs", "Formateurs") ?></li><?cs /if ?>
<?cs if:Login.role == "admin" || Login.role == "conseiller" ?><li><?cs call:nav("/intranet/formations", "Catalogue") ?></li><?cs /if ?>
<?cs if:Login.role == "admin" ?><li><?cs call:nav("/intranet/utilisateurs", "Utilisateurs") ?></li>
<li><?cs call:nav("/intranet/fermetures", "Fermetures") ?></li>
<li><?cs call:nav("/intranet/journal", "Journal") ?></li><?cs /if ?>
<li><form method="post" action="/intranet/deconnexion" class="inline">
<input type="hidden" name="_csrf" value="<?cs var:Csrf.token ?>">
<button type="submit" class="link">Se déconnecter (<?cs var:Login.name ?>)</button></form></li>
</ul>
</nav><?cs else ?><nav aria-label="Navigation principale">
<ul>
<li><?cs call:nav("/formations", "Catalogue") ?></li>
<li><?cs call:nav("/sessions", "Sessions à venir") ?></li>
<li><?cs call:nav("/demande", "Demander une formation") ?></li>
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