-- input: sg_merged.txt
-- dma_unmap_sg carries only physical addresses: each closes the live sg list
-- with the same 15 pages; the merged segment has no 1:1 physical address.
SELECT m.id, m.sg_group, m.sg_index, printf('0x%x', m.dma_addr) AS dma_addr, m.size, m.phys_addr, m.map_event,
       m.unmap_event, m.unmap_size, m.long_lived
  FROM mappings m ORDER BY m.id;
SELECT event, count(*) AS entries, count(dma_addr) AS segments, count(phys_addr) AS pages
  FROM event_sg GROUP BY event ORDER BY event;
