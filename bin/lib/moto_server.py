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
Both are patched only for the moto version bin/lib/env.sh pins (set NEWSALERTS_MOTO_UNPATCHED=1 to run moto as is).

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


def patch_moto():
    if os.environ.get("NEWSALERTS_MOTO_UNPATCHED"):
        return
    if moto.__version__ != PATCHED_FOR:
        print(f"moto {moto.__version__} is not {PATCHED_FOR}: running it unpatched", file=sys.stderr)
        return
    from moto.dynamodb.models import DynamoDBBackend
    from moto.dynamodb.models.table import Table
    DynamoDBBackend.transact_write_items = _transact_write_items
    Table.query = _query_one_partition(Table.query)


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

    run_simple(args.host, args.port, app, threaded=True, request_handler=MotoRequestHandler)


if __name__ == "__main__":
    main()
