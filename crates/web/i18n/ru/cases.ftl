# The case desk: case files, their timeline, assessments, services, proceedings, tasks, notes and evidence.
