// Public API of @lastmile/metrics: pure metric and statistics functions (no I/O).
