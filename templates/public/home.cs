<?cs include:"layout.cs" ?><?cs call:layout_begin() ?>
<section class="hero">
<h1>Formations EGOC</h1>
<p>Le catalogue des formations proposées aux agents des Caf et à leurs partenaires.</p>
<form class="search" action="/formations" method="get" role="search">
<label for="q">Rechercher une formation</label>
<input type="search" id="q" name="q" maxlength="200">
<button type="submit">Rechercher</button>
</form>
</section>
<section>
<h2>Nos formations</h2>
<?cs if:subcount(Courses) ?>
<ul class="courses">
<?cs each:c = Courses ?>
<li><a href="/formations/<?cs var:c.slug ?>"><?cs var:c.title ?></a>
<span class="meta"><?cs var:c.kind ?><?cs if:c.category ?> · <?cs var:c.category ?><?cs /if ?></span></li>
<?cs /each ?>
</ul>
<?cs else ?>
<p>Aucune formation n'est publiée pour le moment.</p>
<?cs /if ?>
</section>
<?cs call:layout_end() ?>
