"""Regional outputs of a batch: the regional Word document and the overview workbook."""
