<?cs include:"layout.cs" ?><?cs call:layout_begin() ?>
<h1>Sessions à venir</h1>
<p>Les sessions INTER sont ouvertes aux agents de plusieurs organismes. Pour vous inscrire ou faire venir une formation chez vous,
envoyez une demande : l'EGOC s'engage à répondre dans les 15 jours, ou 1 mois pour les sessions INTER.
<a href="/sessions.ics">Abonner votre agenda à ces sessions (iCalendar)</a>.</p>
<form method="get" action="/sessions" class="filters">
<p><label for="formation">Formation</label>
<select id="formation" name="formation"><option value="">Toutes</option>
<?cs each:c = Courses ?><option value="<?cs var:c.slug ?>"<?cs if:c.slug == Filter.formation ?> selected<?cs /if ?>><?cs var:c.title ?></option><?cs /each ?></select></p>
<p><label for="mois">Mois</label>
<select id="mois" name="mois"><option value="">Tous</option>
<?cs each:m = MonthChoices ?><option value="<?cs var:m.key ?>"<?cs if:m.key == Filter.mois ?> selected<?cs /if ?>><?cs var:m.label ?></option><?cs /each ?></select></p>
<p><button type="submit">Afficher</button></p>
</form>
<?cs if:subcount(Months) ?>
<?cs each:m = Months ?>
<section aria-labelledby="mois-<?cs var:m.key ?>">
<h2 id="mois-<?cs var:m.key ?>"><?cs var:m.label ?></h2>
<ul class="sessions">
<?cs each:s = m.Sessions ?><li class="session" id="session-<?cs var:s.id ?>">
<h3><a href="/formations/<?cs var:s.slug ?>"><?cs var:s.course ?></a></h3>
<p><?cs var:s.span ?> · <?cs var:s.kind ?><?cs if:s.organisation ?> (<?cs var:s.organisation ?>)<?cs /if ?><?cs if:s.place ?> · <?cs var:s.place ?><?cs if:s.city ?>, <?cs var:s.city ?><?cs /if ?><?cs /if ?></p>
<p><?cs if:!s.seats ?><strong>Complet</strong><?cs else ?><?cs var:s.seats ?> place(s) restante(s)<?cs /if ?><?cs if:s.closes ?> · inscriptions jusqu'au <?cs var:s.closes ?><?cs /if ?>
· <?cs if:s.open ?><a href="/demande?formation=<?cs var:s.slug ?>&amp;session=<?cs var:s.id ?>">Envoyer une demande<span class="visually-hidden"> pour <?cs var:s.course ?>, <?cs var:s.span ?></span></a><?cs else ?>inscriptions closes<?cs /if ?></p>
</li><?cs /each ?>
</ul>
</section>
<?cs /each ?>
<?cs else ?><p>Aucune session à venir<?cs if:Filter.formation || Filter.mois ?> pour ce choix<?cs /if ?>. Vous pouvez <a href="/demande">demander une formation</a> : nous vous répondrons.</p><?cs /if ?>
<?cs call:layout_end() ?>
