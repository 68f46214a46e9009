"""The cohort's results: the per-criterion export, the analytics, the shareable report and a fictional demo cohort."""
