import ExcelJS from 'exceljs';

/** Every room code (8-2-301) in a 台账 workbook's first sheet, from a file path or the bytes of a download. */
export async function roomsInLedger(file: string | ArrayBuffer): Promise<Set<string>> {
  const wb = new ExcelJS.Workbook();
  if (typeof file === 'string') await wb.xlsx.readFile(file);
  else await wb.xlsx.load(file);
  const rooms = new Set<string>();
  wb.worksheets[0].eachRow((row) => {
    row.eachCell((cell) => {
      const v = String(cell.value ?? '');
      if (/^\d{1,3}-(\d{1,2}-)?\d{3,4}$/.test(v)) rooms.add(v);
    });
  });
  return rooms;
}
