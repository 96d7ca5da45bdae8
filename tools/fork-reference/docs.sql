-- The ingested documents in the shape fork_requests.py reads (run with --format json, one object per line).
SELECT d.benchmark, d.subtask, d.task, d.doc_id, d.doc
FROM benchmark_docs d
ORDER BY d.benchmark, d.subtask, d.doc_id
