<?cs include:"layout.cs" ?><?cs call:layout_begin() ?>
<h1>Bonjour <?cs var:Login.name ?></h1>
<p>Vous êtes connecté(e) en tant que <?cs var:Login.role_label ?>.</p>
<?cs if:MailFailures ?><p class="error-box" role="alert"><?cs var:MailFailures ?>
<a href="/intranet/courriers">Voir les courriels non remis</a></p><?cs /if ?>
<?cs if:Login.role == "formateur" ?><section aria-labelledby="prochains"><h2 id="prochains">Vos prochains créneaux</h2>
<?cs if:subcount(NextSlots) ?><ul class="slots"><?cs each:t = NextSlots ?><li><a href="/intranet/sessions/<?cs var:t.session_id ?>#creneau-<?cs var:t.id ?>"><strong><?cs var:t.day ?></strong>, <?cs var:t.start ?> – <?cs var:t.end ?> : <?cs var:t.course ?></a>
<span class="meta"><?cs if:t.place ?><?cs var:t.place ?><?cs /if ?><?cs if:t.room ?> · salle <?cs var:t.room ?><?cs /if ?><?cs if:t.registered && t.registered != "0" ?> · <?cs var:t.registered ?> participant(s) inscrit(s)<?cs /if ?></span></li><?cs /each ?></ul>
<p><a href="/intranet/calendrier">Tout votre calendrier</a></p>
<?cs else ?><p>Aucun créneau prévu pour vous dans l'année : l'équipe formation vous préviendra.</p><?cs /if ?></section><?cs /if ?>
<?cs if:subcount(Queue) ?><section aria-labelledby="a-faire"><h2 id="a-faire">Demandes à traiter</h2>
<?cs if:subcount(FirstDue) ?><p class="page-action"><a class="button" href="<?cs var:FirstDue.0.href ?>">Traiter la demande due en premier</a>
<span class="hint"><?cs var:FirstDue.0.reference ?>, réponse due le <?cs var:FirstDue.0.due ?></span></p><?cs else ?><p>Aucune demande ouverte à traiter.</p><?cs /if ?>
<ul class="queue"><?cs each:q = Queue ?><li<?cs if:q.urgent ?> class="urgent"<?cs /if ?>><a href="<?cs var:q.href ?>"><strong class="count"><?cs var:q.n ?></strong> <?cs var:q.label ?></a></li><?cs /each ?></ul></section><?cs /if ?>
<?cs if:subcount(Uncertified) ?><section aria-labelledby="a-certifier"><h2 id="a-certifier">Demi-journées à certifier (<?cs var:UncertifiedTotal ?>)</h2>
<ul><?cs each:h = Uncertified ?><li><a href="/intranet/presence/<?cs var:h.id ?>"><?cs var:h.day ?>, <?cs var:h.part ?></a> — <?cs var:h.course ?></li><?cs /each ?></ul>
<?cs if:UncertifiedTotal > subcount(Uncertified) ?><p class="meta">Les <?cs var:subcount(Uncertified) ?> plus récentes sur <?cs var:UncertifiedTotal ?>.</p><?cs /if ?></section><?cs /if ?>
<?cs if:subcount(ToDecide) ?><section aria-labelledby="a-decider"><h2 id="a-decider">Sessions à confirmer ou annuler (<?cs var:subcount(ToDecide) ?>)</h2>
<p>Moins d'inscrits confirmés que le minimum, et le premier jour approche :</p>
<ul><?cs each:d = ToDecide ?><li><a href="/intranet/sessions/<?cs var:d.id ?>#statut"><?cs var:d.course ?></a>, le <?cs var:d.first_day ?> — <?cs var:d.confirmed ?> confirmé(s) pour un minimum de <?cs var:d.min ?></li><?cs /each ?></ul></section><?cs /if ?>
<ul class="tiles">
<?cs if:Login.role == "admin" ?>
<li><a href="/intranet/utilisateurs">Utilisateurs</a><span>Comptes, rôles, désactivation</span></li>
<li><a href="/intranet/journal">Journal</a><span>Connexions et modifications des comptes</span></li>
<li><a href="/intranet/donnees">Données d'un demandeur</a><span>Exporter ou effacer (RGPD)</span></li>
<li><a href="/intranet/fermetures">Jours de fermeture</a><span>Ils reportent les échéances des demandes</span></li>
<li><a href="/intranet/qualite">Indicateurs qualité</a><span>Qualiopi : satisfaction, réponses, relances, par formation</span></li>
<?cs /if ?>
<?cs if:Login.role == "admin" || Login.referent ?>
<li><a href="/intranet/accessibilite">Besoins liés à un handicap</a><span>À étudier par le référent handicap, par échéance</span></li>
<?cs /if ?>
<li><a href="/intranet/calendrier">Calendrier</a><span><?cs if:Login.role == "formateur" ?>Vos créneaux de formation<?cs else ?>Les sessions et leurs créneaux, par mois, semaine ou liste<?cs /if ?></span></li>
<li><a href="/intranet/evaluations">Évaluations</a><span><?cs if:Login.role == "formateur" ?>Les résultats des questionnaires de vos sessions<?cs else ?>Les résultats des questionnaires, par session, formation, formateur, période<?cs /if ?></span></li>
<?cs if:Login.role != "formateur" ?>
<li><a href="/intranet/lieux">Lieux et salles</a><span>Adresses, accès, capacités</span></li>
<li><a href="/intranet/formateurs">Formateurs</a><span>Contacts, formations données, agendas</span></li>
<li><a href="/intranet/demandes">Demandes</a><span>Les demandes ouvertes, par échéance</span></li>
<li><a href="/intranet/courriers">Courriels non remis</a><span>Adresses refusées, envois abandonnés</span></li>
<li><a href="/intranet/demandes/chiffres">Chiffres</a><span>Réponses dans les délais, délais médians</span></li>
<?cs /if ?>
<?cs if:Login.role == "admin" || Login.role == "conseiller" ?>
<li><a href="/intranet/formations">Catalogue</a><span>Créer, modifier, publier les fiches</span></li>
<li><a href="/intranet/formations/completude">Complétude</a><span>Ce qui manque aux fiches publiées</span></li>
<?cs /if ?>
<li><a href="/formations">Catalogue public</a><span>Les fiches publiées</span></li>
</ul>
<?cs call:layout_end() ?>
