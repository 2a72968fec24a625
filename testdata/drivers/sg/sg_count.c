// dma-sg-nents-mismatch: the count dma_map_sg() returns vs the nents it got.
#include <linux/dma-mapping.h>
#include <linux/scatterlist.h>
#include <linux/io.h>

struct hw_sge {
	__le64 addr;
	__le32 len;
	__le32 flags;
};

static int program_sg_wrong(struct device *dev, struct scatterlist *sgl, int nents, struct hw_sge *sge)
{
	struct scatterlist *sg;
	int count, i;

	count = dma_map_sg(dev, sgl, nents, DMA_TO_DEVICE);
	if (!count)
		return -ENOMEM;
	for_each_sg(sgl, sg, nents, i) { // expect: dma-sg-nents-mismatch
		sge[i].addr = cpu_to_le64(sg_dma_address(sg));
		sge[i].len = cpu_to_le32(sg_dma_len(sg));
	}
	dma_unmap_sg(dev, sgl, count, DMA_TO_DEVICE); // expect: dma-sg-nents-mismatch
	return 0;
}

static int program_sg(struct device *dev, struct scatterlist *sgl, int nents, struct hw_sge *sge)
{
	struct scatterlist *sg;
	int count, i;

	count = dma_map_sg(dev, sgl, nents, DMA_TO_DEVICE);
	if (!count)
		return -ENOMEM;
	for_each_sg(sgl, sg, count, i) { // no-finding: dma-sg-nents-mismatch
		sge[i].addr = cpu_to_le64(sg_dma_address(sg));
		sge[i].len = cpu_to_le32(sg_dma_len(sg));
	}
	dma_sync_sg_for_cpu(dev, sgl, nents, DMA_TO_DEVICE);
	dma_unmap_sg(dev, sgl, nents, DMA_TO_DEVICE); // no-finding: dma-sg-nents-mismatch
	return 0;
}
