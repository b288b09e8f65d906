<?cs include:"layout.cs" ?><?cs call:layout_begin() ?>
<h1>Catalogue des formations</h1>
<form class="filters" action="/formations" method="get" role="search">
<p class="search"><label for="q">Rechercher (les accents sont facultatifs)</label>
<input type="search" id="q" name="q" maxlength="200" value="<?cs var:Filter.q ?>"></p>
<p><label for="categorie">Catégorie</label>
<select id="categorie" name="categorie">
<option value="">Toutes</option>
<?cs each:c = Categories ?><option value="<?cs var:c ?>"<?cs if:c == Filter.categorie ?> selected<?cs /if ?>><?cs var:c ?></option><?cs /each ?>
</select></p>
<p><label for="modalite">Modalité</label>
<select id="modalite" name="modalite">
<option value="">Toutes</option>
<option value="presentiel"<?cs if:Filter.modalite == "presentiel" ?> selected<?cs /if ?>>En présentiel</option>
<option value="distanciel"<?cs if:Filter.modalite == "distanciel" ?> selected<?cs /if ?>>À distance</option>
<option value="mixte"<?cs if:Filter.modalite == "mixte" ?> selected<?cs /if ?>>Mixte</option>
</select></p>
<p><label for="type">Type</label>
<select id="type" name="type">
<option value="">Tous</option>
<option value="intra"<?cs if:Filter.type == "intra" ?> selected<?cs /if ?>>INTRA (pour une organisation)</option>
<option value="inter"<?cs if:Filter.type == "inter" ?> selected<?cs /if ?>>INTER (ouverte à plusieurs)</option>
</select></p>
<p><button type="submit">Filtrer</button></p>
</form>
<p class="count" role="status"><?cs if:Count == 0 ?>Aucune formation ne correspond à votre recherche.<?cs elif:Count == 1 ?>1 formation<?cs else ?><?cs var:Count ?> formations<?cs /if ?><?cs if:Filter.corrected && Count > 0 ?> pour « <?cs var:Filter.corrected ?> » (aucune pour « <?cs var:Filter.q ?> »)<?cs /if ?></p>
<?cs if:Count == 0 ?><p><a href="/formations">Voir toutes les formations</a> ou <a href="/demande">demander une formation sur mesure</a> : décrivez votre besoin, nous vous répondons dans les 15 jours.</p><?cs /if ?>
<?cs if:subcount(Results) ?>
<ul class="courses">
<?cs each:c = Results ?>
<li><a href="/formations/<?cs var:c.slug ?>"><?cs var:c.title ?></a>
<span class="meta"><?cs var:c.kind ?><?cs if:c.category ?> · <?cs var:c.category ?><?cs /if ?> · <?cs var:c.modality ?><?cs if:c.days ?> · <?cs var:c.days ?> j<?cs if:c.hours ?> (<?cs var:c.hours ?> h)<?cs /if ?><?cs elif:c.hours ?> · <?cs var:c.hours ?> h<?cs /if ?></span>
<span class="meta"><?cs if:c.next ?>Prochaine session : <?cs var:c.next ?><?cs else ?>Sur demande : pas de session programmée<?cs /if ?></span>
<span class="meta"><?cs if:c.rate_published ?><?cs var:c.rate_percent ?> % de participants satisfaits (<?cs var:c.rate_respondents ?> réponses)<?cs else ?>Taux de satisfaction : pas encore assez de réponses<?cs /if ?></span>
<?cs if:subcount(c.extract) ?><span class="extract"><?cs each:p = c.extract ?><?cs if:p.hit ?><mark><?cs var:p.text ?></mark><?cs else ?><?cs var:p.text ?><?cs /if ?><?cs /each ?></span><?cs /if ?></li>
<?cs /each ?>
</ul>
<?cs /if ?>
<?cs call:layout_end() ?>
