-- input: edu_stale_iova.txt
-- The device wrote to an IOVA after its unmap: the Intel IOMMU reports it only
-- on the console (DMAR fault line); no mapping is live at that address then,
-- and the last lifetime that covered it is found by address.
SELECT f.ts_ns, d.name AS device, d.driver, f.source, printf('0x%x', f.addr) AS addr, f.access, f.reason,
       f.reason_text, f.mapping,
       (SELECT max(m.id) FROM mappings m WHERE m.device = f.device AND m.dma_addr <= f.addr
           AND m.dma_addr + m.size > f.addr AND m.unmap_ts <= f.ts_ns) AS last_mapping
  FROM faults f LEFT JOIN devices d ON d.id = f.device ORDER BY f.id;
