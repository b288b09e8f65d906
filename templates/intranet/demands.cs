<?cs include:"layout.cs" ?><?cs call:layout_begin() ?>
<h1>Demandes</h1>
<p>Les demandes ouvertes, de l'échéance la plus proche à la plus lointaine. Alerte à J-5 et J-2 (régime 15 jours), J-10 et J-3 (régime 1 mois). <a href="/intranet/demandes/chiffres">Chiffres</a> · <a href="/intranet/demandes/export.csv">Export CSV</a></p>
<?cs if:Filter.echeance ?><p class="notice" role="status">Seulement les demandes <?cs var:Filter.echeance_label ?>. <a href="/intranet/demandes">Voir toutes les demandes ouvertes</a></p><?cs /if ?>
<form class="filters" method="get" action="/intranet/demandes" role="search">
<?cs if:Filter.echeance ?><input type="hidden" name="echeance" value="<?cs var:Filter.echeance ?>"><?cs /if ?>
<p class="search"><label for="q">Référence ou nom du demandeur</label><input id="q" name="q" maxlength="200" value="<?cs var:Filter.q ?>"></p>
<p><label for="statut">État</label><select id="statut" name="statut">
<option value="">Ouvertes</option>
<option value="recue"<?cs if:Filter.statut == "recue" ?> selected<?cs /if ?>>Reçues</option>
<option value="en_instruction"<?cs if:Filter.statut == "en_instruction" ?> selected<?cs /if ?>>En instruction</option>
<option value="attente_demandeur"<?cs if:Filter.statut == "attente_demandeur" ?> selected<?cs /if ?>>En attente du demandeur</option>
<option value="repondue"<?cs if:Filter.statut == "repondue" ?> selected<?cs /if ?>>Répondues</option>
<option value="close"<?cs if:Filter.statut == "close" ?> selected<?cs /if ?>>Closes</option>
<option value="annulee"<?cs if:Filter.statut == "annulee" ?> selected<?cs /if ?>>Annulées</option>
<option value="sans_suite"<?cs if:Filter.statut == "sans_suite" ?> selected<?cs /if ?>>Sans suite</option>
</select></p>
<p><label for="regime">Régime</label><select id="regime" name="regime">
<option value="">Tous</option>
<option value="15j"<?cs if:Filter.regime == "15j" ?> selected<?cs /if ?>>15 jours</option>
<option value="1mois"<?cs if:Filter.regime == "1mois" ?> selected<?cs /if ?>>1 mois</option>
</select></p>
<p><label for="responsable">Responsable</label><select id="responsable" name="responsable">
<option value="">Tous</option>
<option value="aucun"<?cs if:Filter.responsable == "aucun" ?> selected<?cs /if ?>>Sans responsable</option>
<?cs each:s = Staff ?><option value="<?cs var:s.id ?>"<?cs if:s.id == Filter.responsable ?> selected<?cs /if ?>><?cs var:s.name ?></option><?cs /each ?>
</select></p>
<p><label for="organisme">Organisme</label><input id="organisme" name="organisme" maxlength="200" value="<?cs var:Filter.organisme ?>"></p>
<p><label for="formation">Formation</label><select id="formation" name="formation"><option value="">Toutes</option>
<?cs each:c = Courses ?><option value="<?cs var:c.id ?>"<?cs if:c.id == Filter.formation ?> selected<?cs /if ?>><?cs var:c.name ?></option><?cs /each ?></select></p>
<?cs if:Filter.tri ?><input type="hidden" name="tri" value="<?cs var:Filter.tri ?>"><?cs /if ?>
<p><button type="submit">Filtrer</button></p>
</form>
<?cs if:subcount(Demands) ?>
<div class="table-scroll" role="region" tabindex="0" aria-labelledby="demandes-titre">
<table class="data demands">
<caption id="demandes-titre" class="visually-hidden">Demandes, par échéance</caption>
<?cs def:sort_th(key, label) ?><th scope="col"<?cs if:Filter.tri == key ?> aria-sort="ascending"<?cs /if ?>><a href="/intranet/demandes?<?cs var:Filter.query ?>&amp;tri=<?cs var:key ?>"><?cs var:label ?></a></th><?cs /def ?>
<thead><tr><th scope="col"<?cs if:!Filter.tri ?> aria-sort="ascending"<?cs /if ?>><a href="/intranet/demandes?<?cs var:Filter.query ?>">Échéance</a></th><?cs call:sort_th("reference", "Référence") ?><?cs call:sort_th("recue", "Reçue le") ?><?cs call:sort_th("organisme", "Organisme") ?><?cs call:sort_th("demandeur", "Demandeur") ?><?cs call:sort_th("formation", "Formation") ?><?cs call:sort_th("etat", "État") ?><?cs call:sort_th("responsable", "Responsable") ?></tr></thead>
<tbody>
<?cs each:d = Demands ?>
<tr class="<?cs var:d.due.mark ?>">
<td><?cs var:d.due ?><br><span class="due-mark tag tag-due<?cs if:d.due.mark ?> tag-due-<?cs var:d.due.mark ?><?cs /if ?>"><?cs var:d.due.left ?></span></td>
<td><a href="/intranet/demandes/<?cs var:d.id ?>?liste=<?cs var:Filter.list ?>"><?cs var:d.reference ?></a><br><span class="meta"><?cs if:d.regime == "1mois" ?>1 mois<?cs else ?>15 jours<?cs /if ?></span></td>
<td><?cs var:d.received ?></td>
<td><?cs var:d.organisation ?></td>
<td><?cs var:d.name ?></td>
<td><?cs var:d.course ?></td>
<td><span class="tag tag-demand"><?cs var:d.status ?></span></td>
<td><?cs if:d.assignee ?><?cs var:d.assignee ?><?cs else ?>—<?cs /if ?></td>
</tr>
<?cs /each ?>
</tbody>
</table></div>
<?cs if:Filter.sorted_max ?><p class="meta">Les 200 premières demandes dans cet ordre : précisez les filtres pour voir les autres.</p><?cs /if ?>
<?cs if:Next.id ?><p><a href="/intranet/demandes?statut=<?cs var:url_escape(Filter.statut) ?>&amp;regime=<?cs var:url_escape(Filter.regime) ?>&amp;responsable=<?cs var:url_escape(Filter.responsable) ?>&amp;organisme=<?cs var:url_escape(Filter.organisme) ?>&amp;formation=<?cs var:url_escape(Filter.formation) ?>&amp;q=<?cs var:url_escape(Filter.q) ?>&amp;echeance=<?cs var:url_escape(Filter.echeance) ?>&amp;apres=<?cs var:Next.due ?>&amp;id=<?cs var:Next.id ?>">Demandes suivantes</a></p><?cs /if ?>
<?cs else ?>
<p>Aucune demande ne correspond.</p>
<?cs /if ?>
<?cs call:layout_end() ?>
