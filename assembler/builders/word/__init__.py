"""The Word routekaart: docxtpl rendering in a sandbox, template checks and post-processing."""
