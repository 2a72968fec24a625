-- input: iommu_adjacency.txt
-- Every iommu:map/unmap is linked to the mapping of the adjacent dma: event
-- on its CPU and task: maps before dma_map_page/dma_alloc/dma_map_sg, the
-- unmap before dma_unmap_page and after dma_unmap_sg (an interrupt on CPU 1).
SELECT o.event, CASE o.op WHEN 0 THEN 'iommu_map' ELSE 'iommu_unmap' END AS type, o.cpu,
       printf('0x%x', o.iova) AS iova, o.size, d.name AS device, o.mapping, k.name AS kind
  FROM iommu_events o LEFT JOIN devices d ON d.id = o.device LEFT JOIN mappings m ON m.id = o.mapping
  LEFT JOIN mapping_kinds k ON k.id = m.kind
 ORDER BY o.event;
SELECT m.id, d.name AS device, k.name AS kind, printf('0x%x', m.dma_addr) AS dma_addr, m.size, r.name AS dir,
       m.map_ts, m.unmap_ts
  FROM mappings m JOIN devices d ON d.id = m.device JOIN mapping_kinds k ON k.id = m.kind
  LEFT JOIN directions r ON r.id = m.dir
 ORDER BY m.id;
-- The four iommu:map events of the 16 KiB dma_alloc (four physical pages,
-- one IOVA range) are one iommu_ops row; piece_list keeps each event,
-- relative to the row's own. The single ops linked on their mapping's own
-- CPU and task are held by the mappings row (holds 4, 8) and have no
-- iommu_ops row; the first query shows them all the same.
SELECT id, event, printf('0x%x', iova) AS iova, printf('0x%x', paddr) AS paddr, size, pieces, piece_list
  FROM iommu_ops ORDER BY id;
SELECT id, holds, map_iommu_event, iif(map_iommu_paddr IS NULL, NULL, printf('0x%x', map_iommu_paddr)) AS paddr,
       unmap_iommu_event, unmap_iommu_unmapped
  FROM mappings ORDER BY id;
