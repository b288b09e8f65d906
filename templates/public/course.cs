<?cs include:"layout.cs" ?><?cs call:layout_begin() ?>
<article class="fiche">
<p class="kind"><?cs var:Course.kind ?><?cs if:Course.category ?> · <?cs var:Course.category ?><?cs /if ?></p>
<h1><?cs var:Course.title ?></h1>
<p class="updated">Mis à jour le <?cs var:Course.updated ?></p>
<dl class="facts">
<?cs if:Course.audience ?><dt>Public</dt><dd><?cs var:Course.audience ?></dd><?cs /if ?>
<dt>Pré-requis</dt><dd><?cs if:Course.prerequisites ?><?cs var:Course.prerequisites ?><?cs else ?>Non renseigné<?cs /if ?></dd>
<dt>Modalités d'animation</dt><dd><?cs var:Course.modality ?></dd>
<?cs if:Course.trainers ?><dt>Formateur</dt><dd><?cs var:Course.trainers ?></dd><?cs /if ?>
<?cs if:Course.group_size ?><dt>Effectif</dt><dd><?cs var:Course.group_size ?></dd><?cs /if ?>
</dl>
<section>
<h2>Objectif professionnel</h2>
<p><?cs var:Course.objective ?></p>
</section>
<p class="actions"><a class="button" href="/demande?formation=<?cs var:Course.slug ?>">Demander cette formation</a></p>
</article>
<?cs call:layout_end() ?>
