<?cs include:"layout.cs" ?><?cs call:layout_begin() ?>
<section class="hero">
<h1>Formations EGOC</h1>
<p>Le catalogue des formations proposées aux agents des Caf et à leurs partenaires.
Chaque demande reçoit une réponse dans les 15 jours (1 mois pour les sessions INTER).</p>
<form class="search" action="/formations" method="get" role="search">
<label for="q">Rechercher une formation</label>
<input type="search" id="q" name="q" maxlength="200">
<button type="submit">Rechercher</button>
</form>
</section>
<?cs if:subcount(Categories) ?>
<section>
<h2>Catégories</h2>
<ul class="chips">
<?cs each:c = Categories ?><li><a href="/formations?categorie=<?cs var:url_escape(c) ?>"><?cs var:c ?></a></li><?cs /each ?>
</ul>
</section>
<?cs /if ?>
<?cs if:subcount(Sessions) ?>
<section aria-labelledby="prochaines">
<h2 id="prochaines">Prochaines sessions</h2>
<ul class="sessions-short">
<?cs each:s = Sessions ?><li><a href="/formations/<?cs var:s.slug ?>"><?cs var:s.course ?></a>
<span class="meta"><?cs var:s.span ?> · <?cs var:s.kind ?><?cs if:s.city ?> · <?cs var:s.city ?><?cs /if ?> · <?cs if:!s.seats ?>complet<?cs else ?><?cs var:s.seats ?> place(s)<?cs /if ?></span></li>
<?cs /each ?></ul>
<p><a href="/sessions">Toutes les sessions à venir</a></p>
</section>
<?cs /if ?>
<section>
<h2>Nos formations</h2>
<?cs if:subcount(Results) ?>
<ul class="courses">
<?cs each:c = Results ?>
<li><a href="/formations/<?cs var:c.slug ?>"><?cs var:c.title ?></a>
<span class="meta"><?cs var:c.kind ?><?cs if:c.category ?> · <?cs var:c.category ?><?cs /if ?> · <?cs var:c.modality ?></span></li>
<?cs /each ?>
</ul>
<?cs else ?>
<p>Aucune formation n'est publiée pour le moment.</p>
<?cs /if ?>
</section>
<?cs call:layout_end() ?>
