-- input: strict_overwrite.txt
-- A ring buffer too small for the run (entries-in-buffer 1293 of 2935
-- written): the start is overwritten, so unmaps whose maps are gone are
-- data loss, not errors, and their iommu:unmap keeps the device link.
SELECT cpu, ts_ns, count FROM lost_events ORDER BY id;
SELECT reason, origin, severity, count FROM import_stats WHERE severity != 'info' ORDER BY reason;
SELECT count(*) AS iommu_ops, count(device) AS with_device, count(mapping) AS with_mapping FROM iommu_events;
