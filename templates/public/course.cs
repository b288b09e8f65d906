<?cs include:"layout.cs" ?><?cs include:"public/course_body.cs" ?><?cs call:layout_begin() ?>
<?cs uvar:Fiche.head ?><?cs call:course_live() ?><?cs uvar:Fiche.main ?>
<?cs call:layout_end() ?>
