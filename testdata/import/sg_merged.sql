-- input: sg_merged.txt
-- dma_unmap_sg carries only physical addresses: each closes the live sg list
-- with the same 15 pages; the merged segment has no 1:1 physical address.
SELECT m.id, m.sg_group, m.sg_index, printf('0x%x', m.dma_addr) AS dma_addr, m.size, m.phys_addr, m.map_event,
       m.unmap_event, m.unmap_size, m.long_lived
  FROM mappings m ORDER BY m.id;
SELECT e.id AS event, count(*) AS entries, count(json_extract(j.value, '$[0]')) AS segments,
       count(json_extract(j.value, '$[1]')) AS pages
  FROM all_events e, json_each(e.sg) j GROUP BY e.id ORDER BY e.id;
