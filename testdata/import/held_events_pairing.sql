-- input: pairing_no_iommu.txt
-- Schema 5 stores a paired dma_map_page/dma_unmap_page (and dma_unmap_sg) only in its mappings
-- row (mappings.holds); all_events must give them back exactly as schema 4's
-- events rows were (the first table was written by schema 4's dmatrace from
-- its events table), and keep failed maps and unmatched unmaps as events rows.
SELECT e.id, e.ts_ns, e.cpu, t.pid, t.comm, y.name AS type, d.name AS device, e.dma_addr, e.phys_addr, e.size, e.dir,
       e.attrs, e.aux, e.stack, e.source, e.text, e.sg
  FROM all_events e JOIN event_types y ON y.id = e.type LEFT JOIN tasks t ON t.id = e.task
  LEFT JOIN devices d ON d.id = e.device
 WHERE y.name IN ('dma_map_page', 'dma_unmap_page', 'dma_map_resource', 'dma_unmap_resource', 'dma_unmap_sg')
 ORDER BY e.id;
SELECT y.name AS stored_in_events, count(*) AS n FROM events e JOIN event_types y ON y.id = e.type
 WHERE y.name IN ('dma_map_page', 'dma_unmap_page', 'dma_map_resource', 'dma_unmap_resource', 'dma_unmap_sg')
 GROUP BY y.name ORDER BY y.name;
SELECT holds, count(*) AS mappings FROM mappings GROUP BY holds ORDER BY holds;
