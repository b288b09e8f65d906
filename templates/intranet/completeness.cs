<?cs include:"layout.cs" ?><?cs call:layout_begin() ?>
<h1>Complétude des fiches publiées</h1>
<p>Les informations qu'une fiche publiée doit porter (pré-requis, objectifs, durée, modalités et délai d'accès, tarifs, contacts, méthodes, modalités d'évaluation, accessibilité et référent handicap, date de mise à jour, taux de satisfaction).
<?cs var:Complete ?> fiche(s) complète(s) sur <?cs var:Total ?>. Chaque information manquante mène au champ à remplir.</p>
<?cs each:c = Courses ?>
<section class="completeness">
<h2><a href="/intranet/formations/<?cs var:c.id ?>"><?cs var:c.title ?></a></h2>
<?cs if:subcount(c.missing) ?>
<p>Il manque :</p>
<ul class="missing"><?cs each:m = c.missing ?><li><a href="/intranet/formations/<?cs var:c.id ?>#<?cs var:m.anchor ?>"><?cs var:m.label ?></a></li><?cs /each ?></ul>
<?cs else ?>
<p class="ok">Complète.</p>
<?cs /if ?>
</section>
<?cs /each ?>
<?cs call:layout_end() ?>
