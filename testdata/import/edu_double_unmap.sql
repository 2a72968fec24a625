-- input: edu_double_unmap.txt
-- A real double unmap (the lab's edu module under a strict Intel IOMMU): the
-- last dma_unmap_page has no iommu:unmap before it and matches no mapping.
SELECT m.id, k.name AS kind, printf('0x%x', m.dma_addr) AS dma_addr, m.size, r.name AS dir, m.map_ts, m.unmap_ts,
       (SELECT count(*) FROM iommu_events o WHERE o.mapping = m.id) AS iommu_ops
  FROM mappings m JOIN devices d ON d.id = m.device JOIN mapping_kinds k ON k.id = m.kind
  LEFT JOIN directions r ON r.id = m.dir
 WHERE d.name = '0000:00:01.0' ORDER BY m.id;
SELECT e.ts_ns, t.name FROM all_events e JOIN event_types t ON t.id = e.type
 WHERE t.name IN ('dma_unmap_page', 'dma_free') AND NOT EXISTS (SELECT 1 FROM mappings m WHERE m.unmap_event = e.id)
 ORDER BY e.id;
SELECT reason, severity, count FROM import_stats WHERE origin = 'importer' ORDER BY reason;
