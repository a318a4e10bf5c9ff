"""moto server, with DynamoDB requests applied one at a time.

moto's server handles requests on many threads, and its DynamoDB backend checks a ConditionExpression and then
writes without holding a lock, so two concurrent conditional writes can both succeed. Real DynamoDB applies each
item write atomically. Serialising the DynamoDB and DynamoDB Streams requests restores that guarantee, which the
concurrency tests depend on (16 detectors -> one alert). Other services stay concurrent, so an SQS long poll never
blocks the tables.

Two of moto's DynamoDB operations cost time that grows with the size of the table, which made a long local run
slower the longer it ran. With every DynamoDB request serialised here, both are replaced by equivalents that touch
only what the request names (same results, same errors, same stream records):
- TransactWriteItems deep-copied every table it names before applying, to restore it on a cancellation; here it
  remembers the items it writes and the length of each stream instead, and puts back exactly those.
- Query on a table's key scanned and sorted every item of the table to find one partition's; here it reads that
  partition only.
One makes moto's streams what DynamoDB's are: an UpdateItem that creates an item leaves one INSERT record with the new
image; moto left two (an INSERT of the bare key, then an INSERT of the item), so every stage reading that stream saw twice the
records for the same writes.

Three more remove per-request costs that do not change a byte of any answer:
- DynamoDB's attribute values (items, keys, stream images) are written into the JSON answer as they are held, when
  they are plain (S, N, BOOL, NULL, SS, NS, M, L): moto's generic serializer walked them member by member against the
  service model, a fifth of its time. Anything else (binary values) still goes through it. NEWSALERTS_MOTO_CHECK=1
  serialises every answer both ways and reports any difference on stderr ("serializer mismatch").
- Which backend serves a host is worked out once per host: moto listed its service modules from the disk and tried
  every service's URL patterns on every request.
- The HTTP server does not log every request.
- The walkers over a parsed update expression build their table of node types once, not again for every node.
- An update expression is parsed once per distinct text (moto parsed each twice per request; what uses the tree,
  the check of the names and values used and the validator, reads it or works on its own copy), and the validator's
  own copy is a fresh parse of the text rather than a deep copy of the tree (same tree, a third of the cost).
All are patched only for the moto version bin/lib/env.sh pins (set NEWSALERTS_MOTO_UNPATCHED=1 to run moto as is).

With NEWSALERTS_MOTO_STATS=1 it counts, per operation, the requests, the CPU seconds of the threads that served
them (the wait for the lock not included) and the wall seconds inside moto, and serves them as JSON at
GET /_newsalerts/stats (DELETE resets them; "process" is then the CPU time of the whole server since the reset): where moto's time goes, whatever else the machine is doing.

Usage: python moto_server.py [-H HOST] [-p PORT]
"""
import argparse
import copy
import os
import signal
import sys
import threading

import moto
from werkzeug.serving import run_simple
from moto.moto_server.werkzeug_app import DomainDispatcherApplication, MotoRequestHandler, create_backend_app

_dynamodb = threading.Lock()
_stats = {}  # operation -> [requests, cpu seconds, wall seconds]
_stats_lock = threading.Lock()
PATCHED_FOR = "5.2.5"


class _Undo:
    """The items a transaction writes, as they were before it, and each stream's length: enough to cancel it."""

    def __init__(self, backend):
        self.backend = backend
        self.items = []  # (table, hash key, range key, the item before or None)
        self.streams = {}  # table name -> (table, number of stream records before)

    def remember(self, table_name, key):
        table = self.backend.get_table(table_name)
        hash_key, range_key = self.backend.get_keys_value(table, key)
        self.items.append((table, hash_key, range_key, copy.deepcopy(table.get_item(hash_key, range_key))))
        if table.stream_shard is not None and table_name not in self.streams:
            self.streams[table_name] = (table, len(table.stream_shard.items))

    def rollback(self):
        for table, hash_key, range_key, before in reversed(self.items):
            if range_key is not None:
                partition = table.items.get(hash_key)
                if before is not None:
                    table.items[hash_key][range_key] = before
                elif partition is not None:
                    partition.pop(range_key, None)
                    if not partition:
                        del table.items[hash_key]
            elif before is not None:
                table.items[hash_key] = before
            else:
                table.items.pop(hash_key, None)
        for table, length in self.streams.values():
            del table.stream_shard.items[length:]


def _transact_write_items(self, transact_items):
    """moto 5.2.5's DynamoDBBackend.transact_write_items, with an undo log of the written items instead of a deep
    copy of every table named (the only change)."""
    from moto.dynamodb.exceptions import (ConditionalCheckFailed, MockValidationException, MultipleTransactionsException,
                                          TooManyTransactionsException, TransactionCanceledException,
                                          TransactWriteSingleOpException)
    from moto.dynamodb.comparisons import get_filter_expression

    if len(transact_items) > 100:
        raise TooManyTransactionsException()
    undo = _Undo(self)
    target_items = set()

    def check_unicity(table_name, key):
        item = (str(table_name), str(dict(sorted(key.items()))))
        if item in target_items:
            raise MultipleTransactionsException()
        target_items.add(item)

    errors = []
    for item in transact_items:
        original_item = None
        if len(list(item.keys())) > 1:
            undo.rollback()
            raise TransactWriteSingleOpException
        try:
            op_type, op = next(iter(item.items()))
            if op_type not in {"ConditionCheck", "Put", "Delete", "Update"}:
                raise ValueError("Unsupported transaction operation")
            table_name = op["TableName"]
            condition_expression = op.get("ConditionExpression")
            expression_attribute_names = op.get("ExpressionAttributeNames")
            expression_attribute_values = op.get("ExpressionAttributeValues")
            return_values_on_condition_check_failure = op.get("ReturnValuesOnConditionCheckFailure")
            if op_type == "Put":
                attrs = op["Item"]
                table = self.get_table(table_name)
                key = {table.hash_key_attr: attrs[table.hash_key_attr]}
                if table.range_key_attr is not None:
                    key[table.range_key_attr] = attrs[table.range_key_attr]
            else:
                key = op["Key"]
            check_unicity(table_name, key)
            current = self.get_item(table_name, key)
            if condition_expression is not None:
                condition_op = get_filter_expression(condition_expression, expression_attribute_names,
                                                     expression_attribute_values)
                if not condition_op.expr(current):
                    if return_values_on_condition_check_failure == "ALL_OLD" and current:
                        original_item = current.to_json()["Attributes"]
                    raise ConditionalCheckFailed(item=original_item)
            if op_type != "ConditionCheck":
                undo.remember(table_name, key)
            if op_type == "Put":
                self.put_item(table_name, op["Item"], condition_expression=condition_expression,
                              expression_attribute_names=expression_attribute_names,
                              expression_attribute_values=expression_attribute_values)
            elif op_type == "Delete":
                self.delete_item(table_name, key, condition_expression=condition_expression,
                                 expression_attribute_names=expression_attribute_names,
                                 expression_attribute_values=expression_attribute_values)
            elif op_type == "Update":
                self.update_item(table_name, key, update_expression=op["UpdateExpression"],
                                 condition_expression=condition_expression,
                                 expression_attribute_names=expression_attribute_names,
                                 expression_attribute_values=expression_attribute_values)
            errors.append((None, None, None))
        except (MultipleTransactionsException, MockValidationException):
            undo.rollback()
            raise
        except ConditionalCheckFailed as e:
            errors.append(("ConditionalCheckFailed", str(e.message), original_item))
        except Exception as e:  # noqa: E722 as moto: any other failure cancels the transaction
            errors.append((type(e).__name__, str(e), original_item))
    if any(code is not None for code, _, _ in errors):
        undo.rollback()
        raise TransactionCanceledException(errors)


def _query_one_partition(original):
    """Table.query on the table's own key reads the one partition instead of sorting every item of the table."""

    def query(self, hash_key, *args, **kwargs):
        index_name = kwargs.get("index_name", args[6] if len(args) > 6 else None)
        if index_name or hash_key is None:
            return original(self, hash_key, *args, **kwargs)
        partition = self.items.get(hash_key)
        if partition is None:
            partition = {}
        elif not self.range_key_attr:
            partition = {None: partition}
        # query's non-index branch asks all_items() for candidates and keeps those of hash_key: give it only those.
        self.all_items = lambda: list(partition.values())
        try:
            return original(self, hash_key, *args, **kwargs)
        finally:
            del self.all_items

    return query


class _NotPlain(Exception):
    pass


def _plain(value):
    """A DynamoDB AttributeValue as its JSON answer holds it, or _NotPlain when the serializer must encode it."""
    if type(value) is not dict or len(value) != 1:
        raise _NotPlain
    ((kind, v),) = value.items()
    if kind in ("S", "N"):
        if type(v) is str:
            return {kind: v}
    elif kind in ("BOOL", "NULL"):
        if type(v) is bool:
            return {kind: v}
    elif kind in ("SS", "NS"):
        if type(v) is list and all(type(x) is str for x in v):
            return {kind: list(v)}
    elif kind == "M":
        if type(v) is dict and all(type(k) is str for k in v):
            return {"M": {k: _plain(x) for k, x in v.items()}}
    elif kind == "L":
        if type(v) is list:
            return {"L": [_plain(x) for x in v]}
    raise _NotPlain


def _fast_attribute_values(original):
    def serialize_structure(self, serialized, value, shape, key):
        if key and shape.name == "AttributeValue":
            try:
                plain = _plain(value)
            except _NotPlain:
                return original(self, serialized, value, shape, key)
            self._default_serialize(serialized, plain, shape, key)
            return
        return original(self, serialized, value, shape, key)

    return serialize_structure


def _checked_serializer(fast, original):
    """Serialises with both and reports a difference (NEWSALERTS_MOTO_CHECK=1); answers with the original's."""
    import json

    def serialize(self, result):
        import copy as _copy
        path = list(self.path)
        a = original(self, _copy.deepcopy(result))
        self.path = path
        b = fast(self, _copy.deepcopy(result))
        body_a, body_b = a.get("body"), b.get("body")
        try:
            same = json.loads(body_a or "null") == json.loads(body_b or "null") and a.get("headers") == b.get("headers") \
                and a.get("status_code") == b.get("status_code")
        except ValueError:
            same = body_a == body_b
        if not same:
            print(f"serializer mismatch in {self.operation_model.name}: {body_a!r} != {body_b!r}", file=sys.stderr,
                  flush=True)
        return a

    return serialize


def _one_record_per_update(original):
    """DynamoDBBackend.update_item, leaving one stream record when it creates the item, as DynamoDB does."""

    def update_item(self, table_name, key, *args, **kwargs):
        try:
            table = self.get_table(table_name)
            shard = table.stream_shard
            existed = shard is None or table.get_item(*self.get_keys_value(table, key)) is not None
        except Exception:  # noqa: E722 moto's own call raises the right error
            return original(self, table_name, key, *args, **kwargs)
        if existed:
            return original(self, table_name, key, *args, **kwargs)
        before = len(shard.items)
        item = original(self, table_name, key, *args, **kwargs)
        if len(shard.items) == before + 2 and shard.items[before].record["eventName"] == "INSERT" \
                and shard.items[before + 1].record["eventName"] == "INSERT":
            # moto put the bare key (INSERT), then recorded the updated item as inserted too: keep the second, at the
            # first one's sequence number.
            first, second = shard.items[before], shard.items[before + 1]
            second.record["dynamodb"]["SequenceNumber"] = first.record["dynamodb"]["SequenceNumber"]
            del shard.items[before + 1]
            shard.items[before] = second
        return item

    return update_item


def patch_moto():
    if os.environ.get("NEWSALERTS_MOTO_UNPATCHED"):
        return
    if moto.__version__ != PATCHED_FOR:
        print(f"moto {moto.__version__} is not {PATCHED_FOR}: running it unpatched", file=sys.stderr)
        return
    from moto.dynamodb.models import DynamoDBBackend
    from moto.dynamodb.models.table import Table
    DynamoDBBackend.transact_write_items = _transact_write_items
    DynamoDBBackend.update_item = _one_record_per_update(DynamoDBBackend.update_item)
    Table.query = _query_one_partition(Table.query)

    from moto.core import serialize
    plain_structure = serialize.BaseJSONSerializer._serialize_type_structure
    fast_structure = _fast_attribute_values(plain_structure)
    if os.environ.get("NEWSALERTS_MOTO_CHECK"):
        def with_structure(structure):
            def run(self, result):
                serialize.BaseJSONSerializer._serialize_type_structure = structure
                try:
                    return serialize.ResponseSerializer.serialize(self, result)
                finally:
                    serialize.BaseJSONSerializer._serialize_type_structure = plain_structure
            return run
        serialize.BaseJSONSerializer.serialize = _checked_serializer(with_structure(fast_structure),
                                                                      with_structure(plain_structure))
    else:
        serialize.BaseJSONSerializer._serialize_type_structure = fast_structure

    from moto.dynamodb.parsing.ast_nodes import DepthFirstTraverser

    def processing_map(self):
        m = self.__dict__.get("_newsalerts_map")
        if m is None:
            m = self.__dict__["_newsalerts_map"] = self._processing_map()
        return m

    def nodes_to_be_processed(self):
        nodes = self.__dict__.get("_newsalerts_nodes")
        if nodes is None:
            nodes = self.__dict__["_newsalerts_nodes"] = tuple(processing_map(self).keys())
        return nodes

    def process(self, node):
        for class_key, processor in processing_map(self).items():
            if isinstance(node, class_key):
                return processor(node)

    if DepthFirstTraverser.nodes_to_be_processed.__code__.co_names == ("tuple", "_processing_map", "keys"):
        DepthFirstTraverser.nodes_to_be_processed = nodes_to_be_processed  # not where a subclass has its own
        DepthFirstTraverser.process = process

    from moto.dynamodb.parsing.expressions import UpdateExpressionParser
    parse = UpdateExpressionParser.make
    parsed = {}

    def make(cls, expression_str):
        tree = parsed.get(expression_str)
        if tree is None:
            tree = parse(expression_str)  # a parse error raises here, every time, as before
            if len(parsed) < 10_000:
                parsed[expression_str] = tree
        return tree

    UpdateExpressionParser.make = classmethod(make)

    # The validator works on its own deep copy of the tree it is given; for a tree from the cache above, a fresh parse
    # of its text is the same tree and costs a third of the copy.
    from moto.dynamodb.parsing.validators import Validator
    validator_init = Validator.__init__
    text_of = {}  # id of a cached tree -> its text

    def make_remembering(cls, expression_str):
        tree = make(cls, expression_str)
        if parsed.get(expression_str) is tree:
            text_of[id(tree)] = expression_str
        return tree

    UpdateExpressionParser.make = classmethod(make_remembering)

    def init(self, expression, *args, **kwargs):
        text = text_of.get(id(expression))
        if text is None or parsed.get(text) is not expression:
            return validator_init(self, expression, *args, **kwargs)
        validator_init(self, None, *args, **kwargs)
        self.node_to_validate = parse(text)

    if "deepcopy" in Validator.__init__.__code__.co_names:
        Validator.__init__ = init

    from moto import backends
    modules = list(backends.list_of_moto_modules())
    backends.list_of_moto_modules = lambda: modules
    from moto.moto_server.werkzeug_app import DomainDispatcherApplication
    find_backend = DomainDispatcherApplication.get_backend_for_host
    backend_of = {}

    def get_backend_for_host(self, host):
        if host not in backend_of:
            backend_of[host] = find_backend(self, host)
        return backend_of[host]

    DomainDispatcherApplication.get_backend_for_host = get_backend_for_host


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("-H", "--host", default="127.0.0.1")
    parser.add_argument("-p", "--port", type=int, default=5000)
    args = parser.parse_args()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    patch_moto()

    moto = DomainDispatcherApplication(create_backend_app)

    def app(environ, start_response):
        if environ.get("HTTP_X_AMZ_TARGET", "").startswith("DynamoDB"):
            with _dynamodb:
                # Consume the whole response inside the lock: the write happens while the body is produced.
                return [b"".join(moto(environ, start_response))]
        return moto(environ, start_response)

    if os.environ.get("NEWSALERTS_MOTO_STATS"):
        import json
        import time
        unmeasured = app

        def app(environ, start_response):
            if environ.get("PATH_INFO") == "/_newsalerts/stats":
                with _stats_lock:
                    if environ.get("REQUEST_METHOD") == "DELETE":
                        _stats.clear()
                        _stats["process"] = [0, -time.process_time(), -time.perf_counter()]
                    answer = {op: {"requests": n, "cpuSeconds": c, "wallSeconds": w} for op, (n, c, w) in _stats.items()}
                    if "process" in answer:  # the whole server's CPU since the reset: HTTP, threads and all
                        answer["process"]["cpuSeconds"] += time.process_time()
                        answer["process"]["wallSeconds"] += time.perf_counter()
                    body = json.dumps(answer).encode()
                start_response("200 OK", [("Content-Type", "application/json"), ("Content-Length", str(len(body)))])
                return [body]
            target = environ.get("HTTP_X_AMZ_TARGET", "")
            if target:
                op = target.split("_", 1)[0] + " " + target.rsplit(".", 1)[-1]
            else:  # query protocols (SNS, SQS): Action=... in the form body, which moto has not read yet
                op = environ.get("PATH_INFO", "/") + " " + environ.get("REQUEST_METHOD", "")
            if target.startswith("DynamoDB"):
                _dynamodb.acquire()  # waiting for the lock is not moto's work: start the clocks after it
                try:
                    c0, w0 = time.thread_time(), time.perf_counter()
                    body = [b"".join(moto(environ, start_response))]
                finally:
                    _dynamodb.release()
            else:
                c0, w0 = time.thread_time(), time.perf_counter()
                body = [b"".join(unmeasured(environ, start_response))]
            c, w = time.thread_time() - c0, time.perf_counter() - w0
            with _stats_lock:
                acc = _stats.setdefault(op, [0, 0.0, 0.0])
                acc[0] += 1
                acc[1] += c
                acc[2] += w
            return body

    handler = MotoRequestHandler
    if not os.environ.get("NEWSALERTS_MOTO_UNPATCHED"):
        class QuietHandler(MotoRequestHandler):
            def log_request(self, code="-", size="-"):
                pass  # errors are still logged (log_error)

        handler = QuietHandler
    run_simple(args.host, args.port, app, threaded=True, request_handler=handler)


if __name__ == "__main__":
    main()
