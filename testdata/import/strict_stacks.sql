-- input: strict_stacks.txt
-- With options/stacktrace: stacks are deduplicated and the call site is the
-- first frame past the DMA API, IOMMU and tracing glue.
SELECT s.call_site, count(*) AS mappings FROM mappings m JOIN stacks s ON s.id = m.map_stack
 GROUP BY s.call_site ORDER BY count(*) DESC, s.call_site LIMIT 10;
SELECT count(*) AS events_with_stack, count(DISTINCT stack) AS distinct_stacks
  FROM all_events WHERE stack IS NOT NULL;
