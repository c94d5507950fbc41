//! `to_arrow`: documents as Arrow tables (built by the `nutgraf-arrow` crate,
//! detached from the interpreter), handed over through the Arrow `PyCapsule`
//! interface (`__arrow_c_stream__`), so that pyarrow, Polars, `DuckDB` and
//! anything else that speaks it read them without a copy, and without nutgraf
//! depending on any of them. (pyo3-arrow 0.20 would do it for pyo3 0.30, but
//! brings arrow-cast, arrow-select and chrono-tz along for two capsules.)

use arrow_array::ffi_stream::FFI_ArrowArrayStream;
use arrow_array::{RecordBatch, RecordBatchIterator};
use arrow_schema::ffi::FFI_ArrowSchema;
use nutgraf_arrow::{Table, TablesBuilder};
use pyo3::prelude::*;
use pyo3::types::{PyCapsule, PyDict};

use crate::corpus::extract_docs_and_ids;
use crate::detach::run_detached;
use crate::errors::internal;

/// One table of [`to_arrow`]: its record batches, shared (Arrow buffers are
/// reference-counted), exported anew on each `__arrow_c_stream__` call.
#[pyclass(frozen, module = "nutgraf._nutgraf", name = "ArrowTable")]
pub struct PyArrowTable {
    table: Table,
    batches: Vec<RecordBatch>,
}

#[pymethods]
impl PyArrowTable {
    /// The table's name (`"words"`).
    #[getter]
    fn name(&self) -> &'static str {
        self.table.name()
    }

    /// Rows in all batches.
    #[getter]
    fn num_rows(&self) -> usize {
        self.batches.iter().map(RecordBatch::num_rows).sum()
    }

    /// The columns' names, in order.
    #[getter]
    fn column_names(&self) -> Vec<String> {
        self.table
            .schema()
            .fields()
            .iter()
            .map(|f| f.name().clone())
            .collect()
    }

    /// Record batches the stream yields (one unless the table is very large).
    #[getter]
    fn num_batches(&self) -> usize {
        self.batches.len()
    }

    fn __len__(&self) -> usize {
        self.num_rows()
    }

    fn __repr__(&self) -> String {
        format!(
            "<ArrowTable {}: {} rows, {} columns>",
            self.table.name(),
            self.num_rows(),
            self.table.schema().fields().len()
        )
    }

    /// The schema as an `arrow_schema` `PyCapsule` (the Arrow C data interface).
    fn __arrow_c_schema__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyCapsule>> {
        let schema = FFI_ArrowSchema::try_from(self.table.schema().as_ref())
            .map_err(|e| internal(py, &format!("exporting the schema: {e}"), None))?;
        PyCapsule::new_with_value(py, schema, c"arrow_schema")
    }

    /// The batches as an `arrow_array_stream` `PyCapsule` (the Arrow C stream
    /// interface). `requested_schema` is ignored: the tables have one schema.
    #[pyo3(signature = (requested_schema=None))]
    fn __arrow_c_stream__<'py>(
        &self,
        py: Python<'py>,
        requested_schema: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyCapsule>> {
        let _ = requested_schema;
        let reader = RecordBatchIterator::new(
            self.batches.clone().into_iter().map(Ok),
            self.table.schema(),
        );
        let stream = FFI_ArrowArrayStream::new(Box::new(reader));
        PyCapsule::new_with_value(py, stream, c"arrow_array_stream")
    }
}

/// The tables of many documents. See `nutgraf/_nutgraf.pyi` for the contract.
#[pyfunction]
#[pyo3(signature = (docs, ids=None))]
pub(crate) fn to_arrow<'py>(
    py: Python<'py>,
    docs: &Bound<'py, PyAny>,
    ids: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyDict>> {
    // Everything Python-side is read before the interpreter is released.
    let (held, ids) = extract_docs_and_ids(py, docs, ids)?;
    let docs: Vec<&nutgraf::Document> = held.iter().map(|d| d.get().inner()).collect();
    let tables = run_detached(py, || {
        let mut b = TablesBuilder::new();
        match &ids {
            Some(ids) => {
                for (id, doc) in ids.iter().zip(&docs) {
                    b.push(id, doc);
                }
            }
            None => {
                for doc in &docs {
                    b.push_doc(doc);
                }
            }
        }
        b.finish()
    })?;
    let out = PyDict::new(py);
    for (table, batches) in tables.into_batches() {
        out.set_item(table.name(), PyArrowTable { table, batches })?;
    }
    Ok(out)
}

/// Adds `ArrowTable`, `to_arrow` and `TABLES_SCHEMA_VERSION` to the module.
pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("TABLES_SCHEMA_VERSION", nutgraf_arrow::SCHEMA_VERSION)?;
    m.add_class::<PyArrowTable>()?;
    m.add_function(wrap_pyfunction!(to_arrow, m)?)?;
    Ok(())
}
