-- input: swiotlb_basic.txt
-- swiotlb=force, no IOMMU: every streaming map bounces (one swiotlb_bounced
-- per buffer, sg entries included) and syncs are traced.
SELECT d.name AS device, count(*) AS bounces, count(b.mapping) AS linked, sum(b.forced) AS forced
  FROM bounces b JOIN devices d ON d.id = b.device GROUP BY d.name ORDER BY d.name;
SELECT k.name AS kind, count(*) AS mappings, sum((m.flags & 4) != 0) AS bounced
  FROM mappings m JOIN mapping_kinds k ON k.id = m.kind GROUP BY m.kind ORDER BY m.kind;
SELECT s.ts_ns, d.name AS device, s.for_device, printf('0x%x', s.dma_addr) AS dma_addr, s.size, s.mapping IS NOT NULL AS in_mapping
  FROM syncs s JOIN devices d ON d.id = s.device ORDER BY s.id;
