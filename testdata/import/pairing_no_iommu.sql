-- input: pairing_no_iommu.txt
-- Best fit picks the FROM_DEVICE 512-byte entry first although the 2048-byte
-- one is older; the failed map makes no mapping; the second unmap of
-- 0x389d800 is a double unmap; after the lost-events marker an unknown unmap
-- is data loss, and the mapping made before the loss and live at the end is
-- close_inconclusive (flag 1), the one after it is not.
SELECT m.id, printf('0x%x', m.dma_addr) AS dma_addr, m.size, r.name AS dir, m.map_event, m.unmap_event,
       m.unmap_size, m.flags
  FROM mappings m LEFT JOIN directions r ON r.id = m.dir ORDER BY m.id;
SELECT reason, origin, severity, count FROM import_stats ORDER BY reason;
SELECT cpu, count FROM lost_events ORDER BY id;
SELECT name, mappings, peak_live, live_at_end, failed_maps FROM devices ORDER BY id;
