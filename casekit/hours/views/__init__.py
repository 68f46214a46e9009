"""What people see of the log: the supervisor dashboard, the chart, the HTML report, the packet and the signed export."""
