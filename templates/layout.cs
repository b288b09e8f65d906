<?cs # The one layout of every page. Pages include this file, then call
     layout_begin() and layout_end() around their content. Every var: is
     HTML-escaped (Config.VarEscapeMode = html). Each menu link is written
     out rather than drawn by a macro: a ClearSilver call costs a few
     thousand instructions, a tenth of a small page. ?><?cs def:layout_begin() ?><!doctype html>
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
<li><a href="/intranet"<?cs if:Page.section == "/intranet" ?> aria-current="page"<?cs /if ?>>Intranet</a></li>
<li><a href="/intranet/calendrier"<?cs if:Page.section == "/intranet/calendrier" ?> aria-current="page"<?cs /if ?>>Calendrier</a></li>
<?cs if:Login.role != "formateur" ?><li><a href="/intranet/demandes"<?cs if:Page.section == "/intranet/demandes" ?> aria-current="page"<?cs /if ?>>Demandes</a></li>
<li><a href="/intranet/lieux"<?cs if:Page.section == "/intranet/lieux" ?> aria-current="page"<?cs /if ?>>Lieux</a></li>
<li><a href="/intranet/formateurs"<?cs if:Page.section == "/intranet/formateurs" ?> aria-current="page"<?cs /if ?>>Formateurs</a></li><?cs /if ?>
<?cs if:Login.role == "admin" || Login.role == "conseiller" ?><li><a href="/intranet/formations"<?cs if:Page.section == "/intranet/formations" ?> aria-current="page"<?cs /if ?>>Catalogue</a></li><?cs /if ?>
<?cs if:Login.role == "admin" ?><li><a href="/intranet/utilisateurs"<?cs if:Page.section == "/intranet/utilisateurs" ?> aria-current="page"<?cs /if ?>>Utilisateurs</a></li>
<li><a href="/intranet/fermetures"<?cs if:Page.section == "/intranet/fermetures" ?> aria-current="page"<?cs /if ?>>Fermetures</a></li>
<li><a href="/intranet/journal"<?cs if:Page.section == "/intranet/journal" ?> aria-current="page"<?cs /if ?>>Journal</a></li><?cs /if ?>
<li><form method="post" action="/intranet/deconnexion" class="inline">
<input type="hidden" name="_csrf" value="<?cs var:Csrf.token ?>">
<button type="submit" class="link">Se déconnecter (<?cs var:Login.name ?>)</button></form></li>
</ul>
</nav><?cs else ?><nav aria-label="Navigation principale">
<ul>
<li><a href="/formations"<?cs if:Page.section == "/formations" ?> aria-current="page"<?cs /if ?>>Catalogue</a></li>
<li><a href="/sessions"<?cs if:Page.section == "/sessions" ?> aria-current="page"<?cs /if ?>>Sessions à venir</a></li>
<li><a href="/demande"<?cs if:Page.section == "/demande" ?> aria-current="page"<?cs /if ?>>Demander une formation</a></li>
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