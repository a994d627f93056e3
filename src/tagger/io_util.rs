use crate::tagger::ModelError;
use std::io;

pub struct Writer<'a, W: io::Write>(pub &'a mut W);
impl<'a, W: io::Write> Writer<'a, W> {
    pub fn new(w: &'a mut W) -> Self {
        Writer(w)
    }
    pub fn bytes(&mut self, b: &[u8]) -> io::Result<()> {
        self.0.write_all(b)
    }
    pub fn u8(&mut self, x: u8) -> io::Result<()> {
        self.0.write_all(&[x])
    }
    pub fn u16(&mut self, x: u16) -> io::Result<()> {
        self.0.write_all(&x.to_le_bytes())
    }
    pub fn u32(&mut self, x: u32) -> io::Result<()> {
        self.0.write_all(&x.to_le_bytes())
    }
    pub fn u64(&mut self, x: u64) -> io::Result<()> {
        self.0.write_all(&x.to_le_bytes())
    }
    pub fn i32(&mut self, x: i32) -> io::Result<()> {
        self.0.write_all(&x.to_le_bytes())
    }
    pub fn str(&mut self, s: &str) -> io::Result<()> {
        self.u32(s.len() as u32)?;
        self.0.write_all(s.as_bytes())
    }
}

pub struct Reader<'a> {
    b: &'a [u8],
    pos: usize,
}
impl<'a> Reader<'a> {
    pub fn new(b: &'a [u8]) -> Self {
        Reader { b, pos: 0 }
    }
    pub fn bytes(&mut self, n: usize) -> Result<&'a [u8], ModelError> {
        if self.b.len() - self.pos < n {
            return Err(ModelError::Truncated);
        }
        let s = &self.b[self.pos..self.pos + n];
        self.pos += n;
        Ok(s)
    }
    pub fn u8(&mut self) -> Result<u8, ModelError> {
        Ok(self.bytes(1)?[0])
    }
    pub fn u16(&mut self) -> Result<u16, ModelError> {
        Ok(u16::from_le_bytes(self.bytes(2)?.try_into().unwrap()))
    }
    pub fn u32(&mut self) -> Result<u32, ModelError> {
        Ok(u32::from_le_bytes(self.bytes(4)?.try_into().unwrap()))
    }
    pub fn u64(&mut self) -> Result<u64, ModelError> {
        Ok(u64::from_le_bytes(self.bytes(8)?.try_into().unwrap()))
    }
    pub fn i32(&mut self) -> Result<i32, ModelError> {
        Ok(i32::from_le_bytes(self.bytes(4)?.try_into().unwrap()))
    }
    pub fn str(&mut self) -> Result<String, ModelError> {
        let n = self.u32()? as usize;
        let b = self.bytes(n)?;
        String::from_utf8(b.to_vec()).map_err(|_| ModelError::Corrupt("utf8".into()))
    }
    pub fn at_end(&self) -> bool {
        self.pos == self.b.len()
    }
}
