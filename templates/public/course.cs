<?cs include:"layout.cs" ?><?cs include:"public/course_body.cs" ?><?cs call:layout_begin() ?>
<?cs call:course_body() ?>
<?cs call:layout_end() ?>
